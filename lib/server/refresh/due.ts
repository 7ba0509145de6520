import 'server-only';
import { eq, max } from 'drizzle-orm';
import type { Db } from '../db/client';
import { connections, refreshRuns } from '../db/schema';

/**
 * The masters a scheduled tick should refresh: those whose newest run (any instance's, any trigger) started
 * more than half an interval ago. Instances sharing a database tick at different moments; the first one in
 * each interval refreshes and the others find its run (docs/production.md, Two or more instances).
 */
export async function mastersDue(db: Db, periodMs: number, now = Date.now()): Promise<{ id: string; lastStartedAt: Date | null; due: boolean }[]> {
  const rows = await db
    .select({ id: connections.id, lastStartedAt: max(refreshRuns.startedAt) })
    .from(connections)
    .leftJoin(refreshRuns, eq(refreshRuns.masterId, connections.id))
    .where(eq(connections.kind, 'master'))
    .groupBy(connections.id);
  return rows.map((r) => ({ ...r, due: !r.lastStartedAt || now - r.lastStartedAt.getTime() >= periodMs / 2 }));
}
