import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { AccountStage, KeyStatus, RunPhase } from '@/lib/exit';
import { accountChanged } from '../db/account-cache';
import type { Db } from '../db/client';
import { accountExits, auditLog, exitRunAccounts, exitRunKeys, exitRuns } from '../db/schema';

export type RunRow = typeof exitRuns.$inferSelect;
export type AccountRow = typeof exitRunAccounts.$inferSelect;
export type KeyRow = typeof exitRunKeys.$inferSelect;

/** The audit target every entry of one run carries, so its trail is one query. */
export const runTarget = (runId: string) => `exit-run:${runId}`;

export class ActiveRunExistsError extends Error {
  constructor(readonly runId: string | null) {
    super('An exit run for this master is already under way; finish or cancel it first.');
  }
}

/** Inserts a run and its accounts; the partial unique index refuses a second unfinished run per master. */
export async function insertRun(db: Db, masterId: string, emails: string[], by: { id: string | null; email: string | null }, lease: { owner: string; until: Date }): Promise<string> {
  try {
    return await db.transaction(async (tx) => {
      const [run] = await tx
        .insert(exitRuns)
        .values({ masterId, phase: 'deleting', createdBy: by.id, createdByEmail: by.email, leaseOwner: lease.owner, leaseUntil: lease.until })
        .returning({ id: exitRuns.id });
      await tx.insert(exitRunAccounts).values(emails.map((accountEmail) => ({ runId: run!.id, accountEmail, stage: 'selected' as const })));
      return run!.id;
    });
  } catch (error) {
    const active = await activeRun(db, masterId);
    if (active) throw new ActiveRunExistsError(active.id);
    throw error;
  }
}

export async function activeRun(db: Db, masterId: string): Promise<RunRow | null> {
  const [row] = await db.select().from(exitRuns).where(and(eq(exitRuns.masterId, masterId), isNull(exitRuns.finishedAt)));
  return row ?? null;
}

export async function recentRuns(db: Db, masterId: string, limit = 10): Promise<RunRow[]> {
  return db.select().from(exitRuns).where(eq(exitRuns.masterId, masterId)).orderBy(desc(exitRuns.createdAt)).limit(limit);
}

export async function loadRun(db: Db, runId: string) {
  const [run] = await db.select().from(exitRuns).where(eq(exitRuns.id, runId));
  if (!run) return null;
  const [accounts, keys, audit] = await Promise.all([
    db.select().from(exitRunAccounts).where(eq(exitRunAccounts.runId, runId)).orderBy(asc(exitRunAccounts.accountEmail)),
    db.select().from(exitRunKeys).where(eq(exitRunKeys.runId, runId)).orderBy(asc(exitRunKeys.accountEmail), asc(exitRunKeys.apiName)),
    db.select().from(auditLog).where(eq(auditLog.target, runTarget(runId))).orderBy(asc(auditLog.at), asc(auditLog.id)),
  ]);
  return { run, accounts, keys, audit };
}

export const leaseHeld = (run: Pick<RunRow, 'leaseUntil'>, now = new Date()) => run.leaseUntil !== null && run.leaseUntil > now;

/**
 * Atomically: the run is at the version the person saw and in an allowed phase and nobody holds its lease;
 * then it moves to `phase`, its version moves on and this instance takes the lease. Null when refused.
 */
export async function claimForCommand(db: Db, runId: string, seen: number, from: readonly RunPhase[], to: RunPhase, lease: { owner: string; until: Date }): Promise<RunRow | null> {
  const now = new Date();
  const [row] = await db
    .update(exitRuns)
    .set({ phase: to, version: sql`${exitRuns.version} + 1`, updatedAt: now, leaseOwner: lease.owner, leaseUntil: lease.until })
    .where(and(eq(exitRuns.id, runId), eq(exitRuns.version, seen), inArray(exitRuns.phase, [...from]), isNull(exitRuns.finishedAt), or(isNull(exitRuns.leaseUntil), lt(exitRuns.leaseUntil, now))))
    .returning();
  return row ?? null;
}

/** Takes over an unfinished run whose lease lapsed (its instance died): for resuming, never for a command. */
export async function claimLapsed(db: Db, runId: string, lease: { owner: string; until: Date }): Promise<RunRow | null> {
  const now = new Date();
  const [row] = await db
    .update(exitRuns)
    .set({ leaseOwner: lease.owner, leaseUntil: lease.until })
    .where(and(eq(exitRuns.id, runId), isNull(exitRuns.finishedAt), or(isNull(exitRuns.leaseUntil), lt(exitRuns.leaseUntil, now))))
    .returning();
  return row ?? null;
}

export async function renewLease(db: Db, runId: string, lease: { owner: string; until: Date }): Promise<void> {
  await db.update(exitRuns).set({ leaseUntil: lease.until }).where(and(eq(exitRuns.id, runId), eq(exitRuns.leaseOwner, lease.owner)));
}

/** Ends a step: a phase change moves the version on (the page's next command must have seen it). */
export async function finishStep(db: Db, runId: string, owner: string, phase: RunPhase, phaseChanged: boolean): Promise<void> {
  const finished = phase === 'done' || phase === 'cancelled';
  await db
    .update(exitRuns)
    .set({
      phase,
      version: phaseChanged ? sql`${exitRuns.version} + 1` : sql`${exitRuns.version}`,
      updatedAt: new Date(),
      leaseOwner: null,
      leaseUntil: null,
      ...(finished ? { finishedAt: new Date() } : {}),
    })
    .where(and(eq(exitRuns.id, runId), eq(exitRuns.leaseOwner, owner)));
}

export async function setStage(db: Db, runId: string, email: string, stage: AccountStage, reason: string | null = null): Promise<void> {
  await db.update(exitRunAccounts).set({ stage, reason, updatedAt: new Date() }).where(and(eq(exitRunAccounts.runId, runId), eq(exitRunAccounts.accountEmail, email)));
}

export async function addKeys(db: Db, runId: string, email: string, keys: { apiKey: string; apiName: string; symbol: string | null }[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insert(exitRunKeys)
    .values(keys.map((k) => ({ runId, accountEmail: email, apiKey: k.apiKey, apiName: k.apiName, symbol: k.symbol, status: 'pending' as const })))
    .onConflictDoNothing();
}

export async function keysOf(db: Db, runId: string, email: string): Promise<KeyRow[]> {
  return db.select().from(exitRunKeys).where(and(eq(exitRunKeys.runId, runId), eq(exitRunKeys.accountEmail, email))).orderBy(asc(exitRunKeys.apiName));
}

export async function setKeyStatus(db: Db, keyId: string, status: KeyStatus, error: string | null = null): Promise<void> {
  await db.update(exitRunKeys).set({ status, error, updatedAt: new Date() }).where(eq(exitRunKeys.id, keyId));
}

/** The confirmation and the account's stage in one transaction: the risk engine reads account_exits. */
export async function recordConfirmedExit(db: Db, run: { id: string; masterId: string }, email: string, confirmedAt: Date, cooldownEndsAt: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(accountExits).values({ masterId: run.masterId, accountEmail: email, confirmedAt, cooldownEndsAt });
    await tx
      .update(exitRunAccounts)
      .set({ stage: 'confirmed', reason: null, confirmedAt, cooldownEndsAt, updatedAt: new Date() })
      .where(and(eq(exitRunAccounts.runId, run.id), eq(exitRunAccounts.accountEmail, email)));
  });
  accountChanged(run.masterId, email);
}

/** Work a step left unfinished; per-key failures wait for the owner's retry and are not resumed. */
export function needsResume({ run, accounts, keys }: NonNullable<Awaited<ReturnType<typeof loadRun>>>): boolean {
  if (run.phase === 'exiting') return true;
  if (run.phase !== 'deleting') return false;
  return accounts.some((a) => a.stage === 'selected') || keys.some((k) => k.status === 'pending' || k.status === 'deleting');
}
