import 'server-only';
import type { Db } from '../db/client';
import { clearAttempts, recordAttempt } from './login-guard';
import { delayFor, sleep, type DelayPolicy } from './throttle';

/** Wrong codes are answered later and later, never refused outright (the same rule as sign-in). */
export const CODE_DELAY: DelayPolicy = { free: 3, baseMs: 1_000, capMs: 30_000 };

/**
 * Code attempts are counted in the sign-in throttling store (`login_attempts`, one atomic upsert, 15-minute
 * window, same retention) under a key no email can take, so every instance sharing the database sees the same
 * count: a guesser spreading codes over two instances waits as long as on one (docs/security.md, "Second factor").
 */
const keyOf = (userId: string) => `second-factor:${userId}`;

/**
 * Counts one code attempt (an authenticator or a recovery code) for this user, before it is checked; returns
 * how to answer it: a wrong one after the delay its number in the window calls for, a right one starts afresh.
 */
export async function countCodeAttempt(db: Db, userId: string, now = new Date()): Promise<{ wrong: () => Promise<void>; right: () => Promise<void> }> {
  const attempt = await recordAttempt(db, keyOf(userId), now);
  return { wrong: () => sleep(delayFor(attempt, CODE_DELAY)), right: () => clearAttempts(db, keyOf(userId)) };
}
