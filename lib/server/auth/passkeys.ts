import 'server-only';
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { getEnv } from '@/lib/env';
import type { PasskeyView } from '@/lib/contracts/second-factor';
import { relyingPartyFor, type RelyingParty } from '@/lib/security/passkey-origin';
import type { Db } from '../db/client';
import { passkeyChallenges, passkeys, sessions } from '../db/schema';
import { SecondFactorError } from './second-factor-error';

/**
 * Passkeys, the primary second factor (docs/security.md, "Second factor"). Each ceremony answers a challenge
 * the server issued to this session a moment ago and takes it (single use, two minutes); the origin and the
 * relying party are the app's configured address; an assertion must raise the authenticator's counter. A
 * right assertion sets the same proof as a TOTP code (`sessions.step_up_at`).
 */

export const CHALLENGE_TTL_MS = 2 * 60_000;
type Ceremony = 'register' | 'authenticate';

export function relyingParty(): RelyingParty {
  const rp = relyingPartyFor(getEnv());
  if (!rp) throw new SecondFactorError(409, 'passkey_refused', 'Passkeys need the app to be reached by a name, not an IP address: set MARGINWATCH_PUBLIC_URL.');
  return rp;
}

const refused = (why: string) => new SecondFactorError(400, 'passkey_refused', `The passkey was not accepted: ${why}. Nothing was changed; try again.`);

export async function passkeysOf(db: Db, userId: string) {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt));
}

export function toView(row: typeof passkeys.$inferSelect): PasskeyView {
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}

async function issueChallenge(db: Db, sessionId: string, ceremony: Ceremony, challenge: string, now: Date): Promise<void> {
  await db.delete(passkeyChallenges).where(lt(passkeyChallenges.expiresAt, now));
  await db.insert(passkeyChallenges).values({ challenge, sessionId, ceremony, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) });
}

/**
 * Takes the challenge the browser's answer names, if this session was issued it for this ceremony and it has
 * not expired: one DELETE … RETURNING, so two answers to one challenge cannot both pass.
 */
async function takeChallenge(db: Db, sessionId: string, ceremony: Ceremony, clientDataJSON: string, now: Date): Promise<string> {
  let challenge: unknown;
  try {
    challenge = (JSON.parse(isoBase64URL.toUTF8String(clientDataJSON)) as { challenge?: unknown }).challenge;
  } catch {
    throw refused('the browser’s answer could not be read');
  }
  if (typeof challenge !== 'string' || challenge.length > 512) throw refused('the browser’s answer names no challenge');
  const [taken] = await db
    .delete(passkeyChallenges)
    .where(and(eq(passkeyChallenges.challenge, challenge), eq(passkeyChallenges.sessionId, sessionId), eq(passkeyChallenges.ceremony, ceremony), gt(passkeyChallenges.expiresAt, now)))
    .returning({ challenge: passkeyChallenges.challenge });
  if (!taken) throw refused('the request expired or was already answered');
  return taken.challenge;
}

async function markProven(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ stepUpAt: now }).where(eq(sessions.id, sessionId));
}

export async function registrationOptions(db: Db, user: { id: string; email: string }, sessionId: string, now = new Date()): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingParty();
  const existing = await passkeysOf(db, user.id);
  const options = await generateRegistrationOptions({
    rpName: 'marginwatch',
    rpID: rp.rpID,
    userName: user.email,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    // The same authenticator twice would be one factor counted as two.
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    timeout: CHALLENGE_TTL_MS,
  });
  await issueChallenge(db, sessionId, 'register', options.challenge, now);
  return options;
}

/** Verifies a registration against this session's challenge and stores the passkey; it proves the session too. */
export async function registerPasskey(db: Db, userId: string, sessionId: string, response: RegistrationResponseJSON, name: string, now = new Date()): Promise<PasskeyView> {
  const rp = relyingParty();
  const expectedChallenge = await takeChallenge(db, sessionId, 'register', response.response.clientDataJSON, now);
  const verification = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: rp.origin, expectedRPID: rp.rpID, requireUserVerification: true }).catch((e: Error) => {
    throw refused(e.message);
  });
  if (!verification.verified) throw refused('the authenticator’s answer did not verify');
  const { credential } = verification.registrationInfo;
  const [row] = await db
    .insert(passkeys)
    .values({ userId, credentialId: credential.id, publicKey: isoBase64URL.fromBuffer(credential.publicKey), counter: credential.counter, transports: credential.transports ?? [], name })
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning();
  if (!row) throw refused('this passkey is already registered');
  await markProven(db, sessionId, now);
  return toView(row);
}

export async function authenticationOptions(db: Db, userId: string, sessionId: string, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const rp = relyingParty();
  const mine = await passkeysOf(db, userId);
  if (mine.length === 0) throw new SecondFactorError(403, 'second_factor_not_enrolled', 'No passkey is set up for you: add one in Settings → Security, or use your authenticator app’s code.');
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: mine.map((c) => ({ id: c.credentialId, transports: c.transports })),
    userVerification: 'required',
    timeout: CHALLENGE_TTL_MS,
  });
  await issueChallenge(db, sessionId, 'authenticate', options.challenge, now);
  return options;
}

/**
 * Verifies an assertion against this session's challenge and one of this user's passkeys; when right, raises
 * the stored counter (conditionally, so a parallel replay cannot pass too) and proves the session.
 * Returns the passkey's name, for the audit log.
 */
export async function provePasskey(db: Db, userId: string, sessionId: string, response: AuthenticationResponseJSON, now = new Date()): Promise<string> {
  const rp = relyingParty();
  const expectedChallenge = await takeChallenge(db, sessionId, 'authenticate', response.response.clientDataJSON, now);
  const [stored] = await db.select().from(passkeys).where(and(eq(passkeys.userId, userId), eq(passkeys.credentialId, response.id)));
  if (!stored) throw refused('this passkey is not registered for you');
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    requireUserVerification: true,
    credential: { id: stored.credentialId, publicKey: isoBase64URL.toBuffer(stored.publicKey), counter: stored.counter, transports: stored.transports as never },
  }).catch((e: Error) => {
    // Includes a counter that did not rise: the sign of a cloned authenticator.
    throw refused(e.message);
  });
  if (!verification.verified) throw refused('the signature did not verify');
  const raised = await db
    .update(passkeys)
    .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: now })
    .where(and(eq(passkeys.id, stored.id), eq(passkeys.counter, stored.counter)))
    .returning({ id: passkeys.id });
  if (raised.length === 0) throw refused('the passkey was used by another request at the same moment');
  await markProven(db, sessionId, now);
  return stored.name;
}

export async function renamePasskey(db: Db, userId: string, id: string, name: string): Promise<PasskeyView> {
  const [row] = await db.update(passkeys).set({ name }).where(and(eq(passkeys.id, id), eq(passkeys.userId, userId))).returning();
  if (!row) throw new SecondFactorError(404, 'not_found', 'That passkey was not found among yours.');
  return toView(row);
}

export async function removePasskey(db: Db, userId: string, id: string): Promise<PasskeyView> {
  const [row] = await db.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, userId))).returning();
  if (!row) throw new SecondFactorError(404, 'not_found', 'That passkey was not found among yours.');
  return toView(row);
}
