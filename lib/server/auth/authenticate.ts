import 'server-only';
import { eq } from 'drizzle-orm';
import { isRole, type Role } from '@/lib/permissions';
import { writeAudit } from '../audit';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { clearAttempts, purgeOldAttempts, recordAttempt } from './login-guard';
import { verifyPassword } from './password';
import { ACCOUNT_DELAY, countIpAttempt, delayFor, IP_DELAY, refundIpAttempt, sleep } from './throttle';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export type AuthenticateResult = { ok: true; user: AuthenticatedUser; delayMs: number } | { ok: false; reason: 'invalid'; delayMs: number };

export interface AttemptContext {
  /** The client address (throttle.ts `clientIp`); absent for scripts. */
  ip?: string;
  now?: Date;
  /** How to wait out the delay; tests pass one that records it. */
  wait?: (ms: number) => Promise<void>;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password and audits every outcome. Repeated attempts for one email or from one address are
 * answered later and later (throttle.ts), never refused: the right password always signs in.
 */
export async function authenticate(rawEmail: string, password: string, context: AttemptContext = {}): Promise<AuthenticateResult> {
  const db = await getDb();
  const now = context.now ?? new Date();
  const email = normalizeEmail(rawEmail);
  const anonymous = { id: null, email, role: null };

  const [accountAttempt, ipAttempt] = await Promise.all([recordAttempt(db, email, now), context.ip ? countIpAttempt(context.ip) : 0]);
  const delayMs = Math.max(delayFor(accountAttempt, ACCOUNT_DELAY), delayFor(ipAttempt, IP_DELAY));
  if (delayMs > 0) await (context.wait ?? sleep)(delayMs);

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !isRole(user.role)) {
    await writeAudit({ actor: anonymous, action: 'auth.signin_fail', target: email, after: delayMs ? { delayedMs: delayMs } : undefined });
    return { ok: false, reason: 'invalid', delayMs };
  }

  await Promise.all([clearAttempts(db, email), context.ip ? refundIpAttempt(context.ip) : undefined, purgeOldAttempts(db, now)]);
  await writeAudit({ actor: { id: user.id, email, role: user.role }, action: 'auth.signin', target: email });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, delayMs };
}
