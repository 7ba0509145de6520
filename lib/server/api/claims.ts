import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { actionClaims } from '../db/schema';
import { ApiError } from './errors';

// docs/security.md, "Acting once": one table, two kinds of claim.
/** An action under way holds its scope at most this long, so a crashed instance cannot block an account for good. */
export const IN_FLIGHT_MS = 5 * 60_000;
/** An Idempotency-Key that was acted on is remembered this long: a replay inside it acts on nothing. */
export const IDEMPOTENCY_MS = 24 * 60 * 60_000;

/** Claims `scope` until `ms` from now; false when a live claim holds it. One statement, atomic across instances. */
export async function claim(db: Db, scope: string, ms: number): Promise<boolean> {
  const now = new Date();
  const rows = await db
    .insert(actionClaims)
    .values({ scope, claimedAt: now, expiresAt: new Date(now.getTime() + ms) })
    .onConflictDoUpdate({
      target: actionClaims.scope,
      set: { claimedAt: now, expiresAt: new Date(now.getTime() + ms) },
      setWhere: lt(actionClaims.expiresAt, now),
    })
    .returning({ scope: actionClaims.scope });
  return rows.length > 0;
}

export async function release(db: Db, scope: string): Promise<void> {
  await db.delete(actionClaims).where(eq(actionClaims.scope, scope));
}

/** Expired claims go at the next action: the table holds at most a day of keys. */
export async function pruneClaims(db: Db): Promise<void> {
  await db.delete(actionClaims).where(and(lt(actionClaims.expiresAt, sql`now()`)));
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Runs `act` at most once per scope at a time, and at most once per Idempotency-Key (when the request carries
 * one) for a day. A second request while the first runs, or a replay of a key already acted on, gets 409 and
 * acts on nothing. A failed action releases its key, so the same click may be tried again.
 */
export async function actOnce<T>(db: Db, opts: { scope: string; userId: string; idempotencyKey: string | null }, act: () => Promise<T>): Promise<T> {
  const { scope, userId, idempotencyKey } = opts;
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey))
    throw new ApiError(400, 'bad_request', 'The Idempotency-Key header must be 8–100 letters, digits, - or _.');
  await pruneClaims(db);
  const keyScope = idempotencyKey === null ? null : `key:${userId}:${idempotencyKey}`;
  if (keyScope !== null && !(await claim(db, keyScope, IDEMPOTENCY_MS)))
    throw new ApiError(409, 'duplicate_request', 'This request was already received (same Idempotency-Key); nothing was sent again.');
  const runScope = `run:${scope}`;
  if (!(await claim(db, runScope, IN_FLIGHT_MS))) {
    if (keyScope !== null) await release(db, keyScope);
    throw new ApiError(409, 'in_progress', 'The same action is already under way for this account; nothing was sent twice. Wait for it to finish.');
  }
  try {
    return await act();
  } catch (error) {
    if (keyScope !== null) await release(db, keyScope);
    throw error;
  } finally {
    await release(db, runScope);
  }
}
