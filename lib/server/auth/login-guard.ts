import 'server-only';
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginAttempts } from '../db/schema';
import { THROTTLE_WINDOW_MS } from './throttle';

/** Rows of emails with no attempt for this long are removed (retention of login attempts, docs/security.md). */
export const ATTEMPT_RETENTION_MS = 24 * 60 * 60_000;

/**
 * Counts a sign-in attempt for `email` before its password is checked and answers its number in the current
 * window. One atomic upsert, so parallel attempts (or two instances) each get their own number and wait in turn.
 */
export async function recordAttempt(db: Db, email: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [row] = await db
    .insert(loginAttempts)
    .values({ email, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.email,
      set: {
        failures: sql`case when ${loginAttempts.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${loginAttempts.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginAttempts.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginAttempts.windowStartedAt} end`,
      },
    })
    .returning({ failures: loginAttempts.failures });
  return row?.failures ?? 1;
}

/** A successful sign-in starts the email afresh. */
export async function clearAttempts(db: Db, email: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.email, email));
}

export async function purgeOldAttempts(db: Db, now: Date): Promise<void> {
  await db.delete(loginAttempts).where(lt(loginAttempts.windowStartedAt, new Date(now.getTime() - ATTEMPT_RETENTION_MS)));
}
