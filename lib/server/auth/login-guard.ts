import 'server-only';
import { sql } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginAttempts } from '../db/schema';

/** After MAX_FAILURES failures for one email within WINDOW, that email is locked for LOCK. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export async function lockedUntil(db: Db, email: string, now: Date): Promise<Date | null> {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.email, email));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts a failure atomically (one upsert), so two app instances racing on the same email cannot both
 * read 4 and write 5. Returns the lock end when this failure triggered a lock-out.
 */
export async function recordFailure(db: Db, email: string, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
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
  if (!row || row.failures < MAX_FAILURES) return null;
  const until = new Date(now.getTime() + LOCK_MS);
  // A fresh window starts with the lock, so the first failure after it expires does not re-lock at once.
  await db
    .update(loginAttempts)
    .set({ lockedUntil: until, failures: 0, windowStartedAt: until })
    .where(eq(loginAttempts.email, email));
  return until;
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.email, email));
}
