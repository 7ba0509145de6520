import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { recoveryCodes, sessions } from '../db/schema';
import { countCodeAttempt } from './code-attempts';
import { SecondFactorError } from './second-factor-error';

/**
 * One-time recovery codes (docs/security.md, "Recovery"): ten per user, generated when the first factor is set
 * up (and again on request, after a recent proof), shown once, stored hashed, each proving a session once. A
 * user who lost the authenticator proves the session with one, then sets up a new factor.
 */

export const RECOVERY_CODE_COUNT = 10;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 16 base32 characters (80 random bits), shown in groups of four. */
function newCode(): string {
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => BASE32[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** As people type it: any case, with or without the dashes and spaces. */
export function normalizeRecoveryCode(raw: string): string {
  return raw.toLowerCase().replace(/[\s-]/g, '');
}

const hashOf = (userId: string, code: string) => createHash('sha256').update(`${userId}:${normalizeRecoveryCode(code)}`).digest('hex');

/** A new set of ten, replacing any earlier set (used or not). The plain codes exist only in this answer. */
export async function issueRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashOf(userId, code) })));
  });
  return codes;
}

export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** At the first factor's enrolment: a set unless the user already holds one. */
export async function issueFirstRecoveryCodes(db: Db, userId: string): Promise<string[] | null> {
  const [row] = await db.select({ n: count() }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  return (row?.n ?? 0) > 0 ? null : issueRecoveryCodes(db, userId);
}

/**
 * Proves the session with a recovery code, spending it (one conditional update: a code never works twice, even
 * sent twice at once). Wrong codes count with the authenticator's and are slowed the same way.
 */
export async function proveRecoveryCode(db: Db, userId: string, sessionId: string, code: string, now = new Date()): Promise<number> {
  const attempt = await countCodeAttempt(db, userId);
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashOf(userId, code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  if (spent.length === 0) {
    await attempt.wrong();
    throw new SecondFactorError(400, 'wrong_code', 'That is not one of your unused recovery codes. Each code works once; check for typos.');
  }
  await attempt.right();
  await db.update(sessions).set({ stepUpAt: now }).where(eq(sessions.id, sessionId));
  return recoveryCodesLeft(db, userId);
}
