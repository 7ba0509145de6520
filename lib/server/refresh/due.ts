import 'server-only';
import { eq, max } from 'drizzle-orm';
import type { Db } from '../db/client';
import { connections, refreshRuns } from '../db/schema';

/**
 * How old a master's newest run must be for a scheduled tick to refresh it, as a share of the interval. Above
 * one half, so two instances whose ticks sit half an interval apart cannot both find the other's run old enough
 * (at exactly one half each would refresh once per interval: two refreshes per interval between them); below
 * one, so an instance's own next tick still refreshes although its run started a little after its tick.
 */
export const DUE_FRACTION = 0.75;

/**
 * The masters a scheduled tick should refresh: those whose newest run (any instance's, any trigger) started
 * at least DUE_FRACTION of an interval ago. Instances sharing a database tick at different moments; one
 * refreshes in each interval and the others find its run (docs/production.md, Two or more instances).
 */
export async function mastersDue(db: Db, periodMs: number, now = Date.now()): Promise<{ id: string; lastStartedAt: Date | null; due: boolean }[]> {
  const rows = await db
    .select({ id: connections.id, lastStartedAt: max(refreshRuns.startedAt) })
    .from(connections)
    .leftJoin(refreshRuns, eq(refreshRuns.masterId, connections.id))
    .where(eq(connections.kind, 'master'))
    .groupBy(connections.id);
  return rows.map((r) => ({ ...r, due: !r.lastStartedAt || now - r.lastStartedAt.getTime() >= periodMs * DUE_FRACTION }));
}
