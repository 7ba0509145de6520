import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accountSnapshots, connections, refreshRuns } from '../db/schema';

export type MasterRow = typeof connections.$inferSelect;
export type RefreshRunRow = typeof refreshRuns.$inferSelect;
export type SnapshotRow = typeof accountSnapshots.$inferSelect;

/** The master a page shows: the one asked for, else the first one stored. Null before any is stored. */
export async function currentMaster(db: Db, masterId?: string): Promise<MasterRow | null> {
  const where = masterId ? and(eq(connections.kind, 'master'), eq(connections.id, masterId)) : eq(connections.kind, 'master');
  const [row] = await db.select().from(connections).where(where).orderBy(asc(connections.createdAt)).limit(1);
  return row ?? null;
}

/**
 * The refresh whose snapshots pages show (the newest that produced data) and the newest of any kind
 * (to show progress, or why the last attempt failed). Pages never call the exchange (DESIGN §3).
 */
export async function latestRefreshes(db: Db, masterId: string): Promise<{ shown: RefreshRunRow | null; newest: RefreshRunRow | null }> {
  const [shown] = await db
    .select()
    .from(refreshRuns)
    .where(and(eq(refreshRuns.masterId, masterId), inArray(refreshRuns.status, ['ok', 'partial'])))
    .orderBy(desc(refreshRuns.startedAt))
    .limit(1);
  const [newest] = await db.select().from(refreshRuns).where(eq(refreshRuns.masterId, masterId)).orderBy(desc(refreshRuns.startedAt)).limit(1);
  return { shown: shown ?? null, newest: newest ?? null };
}

export async function snapshotsOf(db: Db, refreshId: string): Promise<SnapshotRow[]> {
  return db.select().from(accountSnapshots).where(eq(accountSnapshots.refreshId, refreshId)).orderBy(asc(accountSnapshots.accountEmail));
}

/** One account's snapshots over time, oldest first, for history charts. */
export async function accountHistory(db: Db, masterId: string, email: string, limit = 500) {
  const rows = await db
    .select({ takenAt: accountSnapshots.takenAt, dataAt: accountSnapshots.dataAt, marginLevel: accountSnapshots.marginLevel, stale: accountSnapshots.stale, status: accountSnapshots.status })
    .from(accountSnapshots)
    .where(and(eq(accountSnapshots.masterId, masterId), eq(accountSnapshots.accountEmail, email)))
    .orderBy(desc(accountSnapshots.takenAt))
    .limit(limit);
  return rows.reverse();
}
