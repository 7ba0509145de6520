import 'server-only';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Sign-in throttling that cannot be turned against the owner (docs/security.md, "Throttling"): every attempt
 * is answered, only later. Each attempt counts before the password is checked, so parallel guesses wait in
 * turn; the delay doubles per attempt past a free allowance and stops at a cap, so the right password still
 * signs in, at worst after the cap.
 */
export interface DelayPolicy {
  free: number;
  baseMs: number;
  capMs: number;
}

/** Per account (email), counted in the database so every instance sees it: login-guard.ts. */
export const ACCOUNT_DELAY: DelayPolicy = { free: 3, baseMs: 500, capMs: 5_000 };
/** Per client address, in memory per instance: a spray over many emails from one address slows down. */
export const IP_DELAY: DelayPolicy = { free: 10, baseMs: 250, capMs: 10_000 };
/** Both counters forget an address or email that made no attempt for this long. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;

/** The wait before answering the attempt that is number `attempt` (1-based) in the window. */
export function delayFor(attempt: number, policy: DelayPolicy): number {
  const over = attempt - policy.free;
  if (over <= 0) return 0;
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(over - 1, 30));
}

const holder = globalThis as typeof globalThis & { __marginwatchIpAttempts?: RateLimiterMemory };
const ipAttempts = (holder.__marginwatchIpAttempts ??= new RateLimiterMemory({
  keyPrefix: 'signin-ip',
  points: Number.MAX_SAFE_INTEGER,
  duration: THROTTLE_WINDOW_MS / 1000,
}));

/** Counts an attempt from `ip` and answers its number in the window. */
export async function countIpAttempt(ip: string): Promise<number> {
  const res = await ipAttempts.consume(ip, 1);
  return res.consumedPoints;
}

/**
 * The client address: the last `X-Forwarded-For` hop, which the proxy in front appends from the connection
 * (Next sets it from the socket when there is no proxy). Without a proxy a client could forge it; the
 * per-account delay does not depend on it.
 */
export function clientIp(headers: Headers): string {
  const hops = headers.get('x-forwarded-for')?.split(',').map((h) => h.trim()).filter(Boolean) ?? [];
  return hops.at(-1) ?? 'unknown';
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A successful sign-in does not count against its address (people behind one office address). */
export async function refundIpAttempt(ip: string): Promise<void> {
  await ipAttempts.reward(ip, 1);
}
