import 'server-only';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import type { SecondFactorStatus } from '@/lib/contracts/second-factor';
import { getEnv } from '@/lib/env';
import { relyingPartyFor } from '@/lib/security/passkey-origin';
import { SECOND_FACTOR_NOT_ENROLLED, STEP_UP_MAX_AGE_MS, STEP_UP_REQUIRED, stepUpFresh } from '@/lib/security/step-up';
import { loadKeyring } from '../crypto/keyring';
import { seal, unseal } from '../crypto/seal';
import type { Db } from '../db/client';
import { passkeys, sessions, totpFactors } from '../db/schema';
import { countCodeAttempt } from './code-attempts';
import { passkeysOf, toView } from './passkeys';
import { recoveryCodesLeft } from './recovery-codes';
import { SecondFactorError } from './second-factor-error';

/**
 * The second factor (docs/security.md, "Second factor"): passkeys (passkeys.ts) or a TOTP authenticator per
 * user, its secret sealed at rest; a code accepted once (never the same time step twice) marks the session as
 * proven for five minutes.
 */

/** One 30 s step either side, for a phone clock a little off. */
const EPOCH_TOLERANCE_S = 30;
export { SecondFactorError };

async function factorOf(db: Db, userId: string) {
  const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  return row ?? null;
}

async function stepUpAtOf(db: Db, sessionId: string): Promise<Date | null> {
  const [row] = await db.select({ stepUpAt: sessions.stepUpAt }).from(sessions).where(eq(sessions.id, sessionId));
  return row?.stepUpAt ?? null;
}

export async function secondFactorStatus(db: Db, userId: string, sessionId: string, now = new Date()): Promise<SecondFactorStatus> {
  const [factor, keys, stepUpAt] = await Promise.all([factorOf(db, userId), passkeysOf(db, userId), stepUpAtOf(db, sessionId)]);
  const totpEnrolled = Boolean(factor?.enrolledAt);
  return {
    enrolled: totpEnrolled || keys.length > 0,
    totpEnrolled,
    passkeys: keys.map(toView),
    passkeyOrigin: relyingPartyFor(getEnv())?.origin ?? null,
    recoveryCodesLeft: await recoveryCodesLeft(db, userId),
    freshUntil: stepUpAt && stepUpFresh(stepUpAt, now) ? new Date(stepUpAt.getTime() + STEP_UP_MAX_AGE_MS).toISOString() : null,
  };
}

/** Whether this user has any second factor in force: a passkey or a confirmed authenticator app. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  if ((await factorOf(db, userId))?.enrolledAt) return true;
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return (row?.n ?? 0) > 0;
}

/**
 * The gate apiRoute puts before every action on the exchange or the connections: a proof in this session
 * within five minutes, else 403 with a code the browser acts on (ask for a code, or go enrol). One read of the
 * session row, only for those actions.
 */
export async function requireStepUp(db: Db, userId: string, sessionId: string, now = new Date()): Promise<void> {
  if (stepUpFresh(await stepUpAtOf(db, sessionId), now)) return;
  if (await hasSecondFactor(db, userId)) {
    throw new SecondFactorError(403, STEP_UP_REQUIRED, 'Confirm this action with your passkey or the 6-digit code from your authenticator app. Nothing was sent.');
  }
  throw new SecondFactorError(403, SECOND_FACTOR_NOT_ENROLLED, 'Set up a second factor (Settings → Security) before acting on the exchange or the connections. Nothing was sent.');
}

/**
 * Starts an enrolment: a new secret, not used until its first code is confirmed. A user who already has an
 * authenticator replaces it only after a recent proof (with it, a passkey or a recovery code), and the old one
 * keeps working until the new one's first code arrives (docs/security.md, "Recovery").
 */
export async function startEnrolment(db: Db, user: { id: string; email: string }, sessionId: string): Promise<{ secret: string; uri: string; replacing: boolean }> {
  const secret = generateSecret();
  const sealedSecret = seal(secret, loadKeyring().current);
  const existing = await factorOf(db, user.id);
  const replacing = Boolean(existing?.enrolledAt);
  if (replacing) {
    await requireStepUp(db, user.id, sessionId);
    await db.update(totpFactors).set({ pendingSealedSecret: sealedSecret }).where(eq(totpFactors.userId, user.id));
  } else {
    await db.insert(totpFactors).values({ userId: user.id, sealedSecret }).onConflictDoUpdate({ target: totpFactors.userId, set: { sealedSecret, createdAt: new Date() } });
  }
  return { secret, uri: generateURI({ issuer: 'marginwatch', label: user.email, secret }), replacing };
}

/** Enrols a known secret at once: demo mode's owner, whose secret is printed with the demo password. */
export async function enrolSecret(db: Db, userId: string, secret: string): Promise<void> {
  const sealedSecret = seal(secret, loadKeyring().current);
  await db.insert(totpFactors).values({ userId, sealedSecret, enrolledAt: new Date() }).onConflictDoNothing();
}

async function stepOf(sealed: string, code: string, now: Date): Promise<number | null> {
  const result = await verify({ secret: unseal(sealed, loadKeyring().all), token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: EPOCH_TOLERANCE_S });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

export type CodeOutcome = 'enrolled' | 'replaced' | 'proven';

/**
 * Checks a code for this user and, when right, marks the session as proven now. The first code after
 * `startEnrolment` completes the enrolment; a code from a replacement waiting for its first code puts it in
 * force. Every attempt counts before it is checked and a wrong one is answered after a growing delay; a code's
 * time step is accepted once (the update is conditional).
 */
export async function proveCode(db: Db, userId: string, sessionId: string, code: string, now = new Date()): Promise<CodeOutcome> {
  const attempt = await countCodeAttempt(db, userId);
  const factor = await factorOf(db, userId);
  if (!factor) throw new SecondFactorError(403, SECOND_FACTOR_NOT_ENROLLED, 'No authenticator is set up for you: set one up in Settings → Security first.');
  const pending = factor.pendingSealedSecret;
  const pendingStep = pending ? await stepOf(pending, code, now) : null;
  let outcome: CodeOutcome;
  let accepted: unknown[];
  let timeStep: number | null;
  if (pending && pendingStep !== null) {
    // The replacement's first code: it takes the old secret's place, in one update conditional on it still waiting.
    timeStep = pendingStep;
    outcome = 'replaced';
    accepted = await db
      .update(totpFactors)
      .set({ sealedSecret: pending, pendingSealedSecret: null, lastTimeStep: pendingStep, enrolledAt: now })
      .where(and(eq(totpFactors.userId, userId), eq(totpFactors.pendingSealedSecret, pending)))
      .returning({ userId: totpFactors.userId });
  } else {
    timeStep = await stepOf(factor.sealedSecret, code, now);
    outcome = factor.enrolledAt ? 'proven' : 'enrolled';
    accepted = timeStep !== null
      ? await db
          .update(totpFactors)
          .set({ lastTimeStep: timeStep, enrolledAt: factor.enrolledAt ?? now })
          .where(and(eq(totpFactors.userId, userId), or(isNull(totpFactors.lastTimeStep), lt(totpFactors.lastTimeStep, timeStep))))
          .returning({ userId: totpFactors.userId })
      : [];
  }
  if (accepted.length === 0) {
    await attempt.wrong();
    throw new SecondFactorError(400, 'wrong_code', timeStep !== null
      ? 'That code was already used: wait for the next one from your authenticator app.'
      : 'That is not the current code from your authenticator app. Check the app shows marginwatch and that the phone’s clock is right.');
  }
  await attempt.right();
  await db.update(sessions).set({ stepUpAt: now }).where(eq(sessions.id, sessionId));
  return outcome;
}
