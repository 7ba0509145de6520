import 'server-only';
import { eq } from 'drizzle-orm';
import { getToken } from 'next-auth/jwt';
import type { SessionUser } from '@/lib/contracts/auth';
import { isRole } from '@/lib/permissions';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { auth } from './index';

export type { SessionUser };

/**
 * The token says who signed in; the database says whether they still exist and what role they hold now,
 * so a removed user or a changed role takes effect on the next request, not when the JWT expires.
 */
async function loadUser(uid: unknown): Promise<SessionUser | null> {
  if (typeof uid !== 'string') return null;
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, uid));
  if (!row || !isRole(row.role)) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/** For route handlers: reads the session cookie from the request itself. */
export async function userFromRequest(req: Request): Promise<SessionUser | null> {
  const token = await getToken({
    req,
    secret: process.env.AUTH_SECRET,
    secureCookie: new URL(req.url).protocol === 'https:',
  });
  return loadUser(token?.uid);
}

/** For server components and actions. */
export async function userFromSession(): Promise<SessionUser | null> {
  const session = await auth();
  return loadUser(session?.user?.id);
}
