import 'server-only';
import { and, asc, count, desc, eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { REFRESH_ERRORS_SHOWN, type RefreshInfo } from '@/lib/contracts/refresh';
import type { Db } from '../db/client';
import { accountSnapshots, connections, refreshRuns } from '../db/schema';
import { cachedForRefresh } from './refresh-cache';
import { memoLatest } from '../db/latest-cache';
import { scrubText } from '../log/redact';

export type MasterRow = typeof connections.$inferSelect;
export type RefreshRunRow = typeof refreshRuns.$inferSelect;
export type SnapshotRow = typeof accountSnapshots.$inferSelect;

/** The master a page shows: the one asked for, else the first one stored. Null before any is stored. */
export function currentMaster(db: Db, masterId?: string): Promise<MasterRow | null> {
  return memoLatest(db, `master ${masterId ?? ''}`, () => readCurrentMaster(db, masterId));
}

async function readCurrentMaster(db: Db, masterId?: string): Promise<MasterRow | null> {
  const where = masterId ? and(eq(connections.kind, 'master'), eq(connections.id, masterId)) : eq(connections.kind, 'master');
  const [row] = await db.select().from(connections).where(where).orderBy(asc(connections.createdAt)).limit(1);
  return row ?? null;
}

/** A refresh run without its bulky JSON (master risk, client stats): what every request needs to know. */
export type RefreshRunInfo = Omit<RefreshRunRow, 'masterRisk' | 'stats'>;

const { masterRisk: _risk, stats: _stats, ...runInfoColumns } = getTableColumns(refreshRuns);

/** The one mapping of a refresh run to what pages show of it. */
export function toRefreshInfo(run: RefreshRunInfo): RefreshInfo {
  return {
    id: run.id,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    accountsTotal: run.accountsTotal,
    accountsDone: run.accountsDone,
    currentStep: run.currentStep,
    waitingUntil: run.waitingUntil?.toISOString() ?? null,
    // Scrubbed again on the way out: a run stored before errors were scrubbed on write may still quote a request.
    errors: run.errors.slice(0, REFRESH_ERRORS_SHOWN).map((e) => ({ ...e, message: scrubText(e.message) })),
    errorCount: run.errors.length,
  };
}

export type LatestRefreshes = { shown: RefreshRunInfo | null; newest: RefreshRunInfo | null; lastFinished: RefreshRunInfo | null };

/**
 * The refresh whose snapshots pages show (the newest that produced data), the newest of any kind (to
 * show progress) and the newest finished (why the last attempt failed, kept on screen while the next one
 * runs), in one query: every request asks this, and the embedded database serves one query at a time, so
 * it is kept between writes (lib/server/db/latest-cache.ts).
 * Pages never call the exchange (docs/architecture.md).
 */
export function latestRefreshes(db: Db, masterId: string): Promise<LatestRefreshes> {
  return memoLatest(db, `refreshes ${masterId}`, () => readLatestRefreshes(db, masterId));
}

async function readLatestRefreshes(db: Db, masterId: string): Promise<LatestRefreshes> {
  const newestOf = (where: SQL | undefined) =>
    db.select({ ...runInfoColumns }).from(refreshRuns).where(where).orderBy(desc(refreshRuns.startedAt)).limit(1);
  const ofMaster = eq(refreshRuns.masterId, masterId);
  const rows = await unionAll(
    newestOf(and(ofMaster, inArray(refreshRuns.status, ['ok', 'partial']))),
    newestOf(and(ofMaster, inArray(refreshRuns.status, ['ok', 'partial', 'failed']))),
    newestOf(ofMaster),
  );
  const newestAmong = (keep: (r: RefreshRunInfo) => boolean) =>
    rows.filter(keep).reduce<RefreshRunInfo | null>((a, r) => (a && a.startedAt >= r.startedAt ? a : r), null);
  return {
    shown: newestAmong((r) => r.status === 'ok' || r.status === 'partial'),
    newest: newestAmong(() => true),
    lastFinished: newestAmong((r) => r.status !== 'running'),
  };
}

/** How many accounts a refresh could not read (stale snapshots): one count for the header, Overview and Accounts. */
export function staleCountOf(db: Db, refreshId: string): Promise<number> {
  return cachedForRefresh(refreshId, 'stale-count', async () => {
    const [row] = await db.select({ n: count() }).from(accountSnapshots).where(and(eq(accountSnapshots.refreshId, refreshId), eq(accountSnapshots.stale, true)));
    return row?.n ?? 0;
  });
}

/** The master risk a refresh stored (lib/risk aggregateMaster), read only when a view is first built. */
export async function masterRiskOf(db: Db, refreshId: string): Promise<unknown> {
  const [row] = await db.select({ masterRisk: refreshRuns.masterRisk }).from(refreshRuns).where(eq(refreshRuns.id, refreshId));
  return row?.masterRisk ?? null;
}

export async function snapshotsOf(db: Db, refreshId: string): Promise<SnapshotRow[]> {
  return db.select().from(accountSnapshots).where(eq(accountSnapshots.refreshId, refreshId)).orderBy(asc(accountSnapshots.accountEmail));
}
