import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import type { Role } from '@/lib/permissions';
import type { Db } from '@/lib/server/db/client';
import { sessions } from '@/lib/server/db/schema';
import { invalidateSessionCache } from '@/lib/server/auth/session-cache';
import { createSession } from '@/lib/server/auth/session-store';
import { createUser } from '@/lib/server/users';

export const TEST_AUTH_SECRET = 'test-auth-secret-0123456789abcdef0123456789';
const COOKIE = 'authjs.session-token';

/**
 * A signed-in request as Auth.js would see it: a real user row, a real session row and a real session JWT cookie.
 * The session has just proven a second factor unless `steppedUp` is false: that guard has its own test
 * (app/api/route-step-up.test.ts), and the other tests are about what happens after it.
 */
export async function signedInSession(db: Db, role: Role, { steppedUp = true } = {}): Promise<{ cookie: string; userId: string; sessionId: string }> {
  const user = await createUser(db, {
    email: `${role}-${Math.random().toString(36).slice(2)}@test.example`,
    name: role,
    role,
    password: 'correct horse battery staple',
  });
  const sessionId = await createSession(db, user.id);
  if (steppedUp) await db.update(sessions).set({ stepUpAt: new Date() }).where(eq(sessions.id, sessionId));
  // As a sign-in does: the next request on this instance sees the new user at once.
  invalidateSessionCache();
  return { cookie: await cookieForSession(user.id, role, sessionId), userId: user.id, sessionId };
}

export async function sessionCookieFor(db: Db, role: Role): Promise<string> {
  return (await signedInSession(db, role)).cookie;
}

export async function cookieForSession(uid: string, role: Role, sid: string): Promise<string> {
  const token = await encode({ token: { uid, role, sid }, secret: TEST_AUTH_SECRET, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

/**
 * What the app's own pages send with a state-changing request to `http://localhost/…` (the URL the tests
 * build): a same-origin `Origin` and JSON. The API refuses anything else (lib/security/same-origin.ts).
 */
export const OWN_PAGE_HEADERS = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' } as const;
