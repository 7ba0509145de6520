import 'server-only';
import { and, count, desc, eq, gte, inArray, isNotNull, max, min, sql } from 'drizzle-orm';
import { getEnv } from '@/lib/env';
import { CALLOUT_SHOCKS } from '@/lib/contracts/overview';
import { MASTER_HISTORY_MAX_POINTS, type MasterHistory } from '@/lib/contracts/master-history';
import type { Db } from '../db/client';
import { refreshRuns } from '../db/schema';
import { currentMaster, latestRefreshes } from './latest';
import { cachedForRefresh } from './refresh-cache';

/**
 * The master's history from the master risk every finished refresh stored: projected owed at the Overview's
 * shocks, outstanding loans and accounts per status, over the snapshot retention window. Only the few figures
 * the charts need leave the database (each stored master risk also holds the whole curve); a long window is
 * thinned to at most MASTER_HISTORY_MAX_POINTS: the oldest refresh, then the newest refresh of each time bucket
 * (so the first and the newest refresh are always shown). Thinning keeps no extreme: a short spike between two
 * kept refreshes can drop out of the chart (the Overview's figures are the newest refresh's). Null before a
 * master is stored.
 */
export async function getMasterHistory(db: Db, masterId?: string): Promise<MasterHistory | null> {
  const master = await currentMaster(db, masterId);
  if (!master) return null;
  const retentionDays = getEnv().SNAPSHOT_RETENTION_DAYS;
  const shocks = [...CALLOUT_SHOCKS];
  const { shown } = await latestRefreshes(db, master.id);
  if (!shown) return { shocks, retentionDays, refreshes: 0, points: [] };
  // A finished refresh never changes, so the history up to the shown one is computed once per refresh.
  return cachedForRefresh(shown.id, 'master-history', async () => {
    const since = new Date(Date.now() - retentionDays * 86_400_000);
    const where = and(eq(refreshRuns.masterId, master.id), inArray(refreshRuns.status, ['ok', 'partial']), isNotNull(refreshRuns.masterRisk), gte(refreshRuns.finishedAt, since));
    const [span] = await db.select({ n: count(), first: min(refreshRuns.finishedAt), last: max(refreshRuns.finishedAt) }).from(refreshRuns).where(where);
    const refreshes = span?.n ?? 0;
    if (!refreshes || !span?.first || !span.last) return { shocks, retentionDays, refreshes: 0, points: [] };
    // The oldest refresh is a bucket of its own (the window's start stays on the chart); the rest of the span is cut
    // into MAX − 1 buckets counted from it, each showing its newest refresh (so the newest of all is the last point).
    // In milliseconds: two refreshes finishing within one second (a manual one right after the scheduled one, or a
    // fast machine) are two points, not one.
    const firstMs = span.first.getTime();
    const bucketMs = Math.floor((span.last.getTime() - firstMs) / (MASTER_HISTORY_MAX_POINTS - 1)) + 1;
    // Inlined, not parameters: DISTINCT ON and ORDER BY must be the same expression, and two parameters are not.
    // `< first + 1`: a time the database holds to the microsecond still falls in its JavaScript millisecond.
    const ms = sql`extract(epoch from ${refreshRuns.finishedAt}) * 1000`;
    const bucket = sql`(case when ${ms} < ${sql.raw(String(firstMs + 1))} then -1 else floor((${ms} - ${sql.raw(String(firstMs))}) / ${sql.raw(String(bucketMs))}) end)`;
    const owedAt = (shock: number) =>
      sql<number | null>`(select (p->>'owed')::float8 from jsonb_array_elements(${refreshRuns.masterRisk}->'curve') p where abs((p->>'shock')::float8 - ${shock}::float8) < 1e-9 limit 1)`;
    const rows = await db
      .selectDistinctOn([bucket], {
        t: refreshRuns.finishedAt,
        loans: sql<string | null>`${refreshRuns.masterRisk}->'outstandingLoans'->>'totalUsd'`,
        byStatus: sql<Record<string, number> | null>`${refreshRuns.masterRisk}->'counts'->'byStatus'`,
        ...Object.fromEntries(shocks.map((s, i) => [`owed${i}`, owedAt(s)])),
      })
      .from(refreshRuns)
      .where(where)
      .orderBy(bucket, desc(refreshRuns.finishedAt));
    const points = rows
      .map((r) => {
        const row = r as unknown as Record<string, unknown> & { t: Date | null; loans: string | null; byStatus: Record<string, number> | null };
        return {
          t: row.t!.toISOString(),
          owed: shocks.map((_, i) => (row[`owed${i}`] == null ? null : Number(row[`owed${i}`]))),
          outstandingLoansUsd: row.loans,
          byStatus: row.byStatus ?? {},
        };
      })
      .sort((a, b) => a.t.localeCompare(b.t));
    return { shocks, retentionDays, refreshes, points };
  });
}
