import 'server-only';
import { headers } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import type { SessionUser } from '@/lib/contracts/auth';
import { getDb } from '../db/client';
import { userForSession } from './session-cache';

export type { SessionUser };

/**
 * The token says which session this is; the session table (cached in memory, session-cache.ts) says whether
 * it is still live and who holds it with which role now, so a sign-out, a removed user or a changed role
 * takes effect on the next request, not when the JWT expires.
 */
async function sessionFromToken(cookieHeaders: Headers, https: boolean): Promise<{ user: SessionUser; sessionId: string } | null> {
  const token = await getToken({ req: { headers: cookieHeaders }, secret: process.env.AUTH_SECRET, secureCookie: https });
  if (!token) return null;
  const user = await userForSession(await getDb(), token);
  return user && typeof token.sid === 'string' ? { user, sessionId: token.sid } : null;
}

async function userFromToken(cookieHeaders: Headers, https: boolean): Promise<SessionUser | null> {
  return (await sessionFromToken(cookieHeaders, https))?.user ?? null;
}

/** For route handlers: the user and the session (its row holds the last second-factor proof) from the request's cookie. */
export function sessionFromRequest(req: Request): Promise<{ user: SessionUser; sessionId: string } | null> {
  return sessionFromToken(req.headers, new URL(req.url).protocol === 'https:');
}

/** For route handlers: reads the session cookie from the request itself. */
export async function userFromRequest(req: Request): Promise<SessionUser | null> {
  return (await sessionFromRequest(req))?.user ?? null;
}

/** For server components and actions: the same cookie, read from the incoming request. */
export async function userFromSession(): Promise<SessionUser | null> {
  const incoming = await headers();
  return userFromToken(new Headers(incoming), incoming.get('x-forwarded-proto') === 'https');
}

/** The session id in the request's cookie, for signing that one session out. */
export async function sessionIdFromCookie(): Promise<string | null> {
  const incoming = await headers();
  const token = await getToken({ req: { headers: new Headers(incoming) }, secret: process.env.AUTH_SECRET, secureCookie: incoming.get('x-forwarded-proto') === 'https' });
  return typeof token?.sid === 'string' ? token.sid : null;
}
