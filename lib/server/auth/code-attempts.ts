import 'server-only';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { delayFor, sleep, type DelayPolicy } from './throttle';

/** Wrong codes are answered later and later, never refused outright (the same rule as sign-in). */
export const CODE_DELAY: DelayPolicy = { free: 3, baseMs: 1_000, capMs: 30_000 };
const CODE_WINDOW_S = 15 * 60;

const holder = globalThis as typeof globalThis & { __marginwatchCodeAttempts?: RateLimiterMemory };
const codeAttempts = (holder.__marginwatchCodeAttempts ??= new RateLimiterMemory({ keyPrefix: 'totp-user', points: Number.MAX_SAFE_INTEGER, duration: CODE_WINDOW_S }));

/**
 * Counts one code attempt (an authenticator or a recovery code) for this user, before it is checked; returns
 * how to answer it: a wrong one after the delay its number in the window calls for, a right one starts afresh.
 */
export async function countCodeAttempt(userId: string): Promise<{ wrong: () => Promise<void>; right: () => Promise<void> }> {
  const attempt = (await codeAttempts.consume(userId, 1)).consumedPoints;
  return { wrong: () => sleep(delayFor(attempt, CODE_DELAY)), right: async () => void (await codeAttempts.delete(userId)) };
}
