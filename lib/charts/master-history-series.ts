import { ACCOUNT_STATUSES, type AccountStatus } from '@/lib/risk';
import type { MasterHistory } from '@/lib/contracts/master-history';
import { withGaps } from './history-series';

/** One chart row: `owed0…` per shock, outstanding loans, and an account count per status (null in a hole). */
export type MasterSeriesRow = { t: number; loans: number | null } & Record<`owed${number}`, number | null> & Partial<Record<AccountStatus, number | null>>;

export const owedKey = (i: number) => `owed${i}` as const;

/**
 * The master history as chart rows, oldest first, with a break wherever refreshes are missing (as the
 * account history does). Chart values are float64 for drawing only; figures in words come from the exact strings.
 */
export function masterSeries(history: MasterHistory): { rows: MasterSeriesRow[]; statuses: AccountStatus[] } {
  const statuses = ACCOUNT_STATUSES.filter((s) => history.points.some((p) => (p.byStatus[s] ?? 0) > 0));
  const rows = history.points.map((p) => {
    const row: Record<string, number | null> = { t: Date.parse(p.t), loans: p.outstandingLoansUsd === null ? null : Number(p.outstandingLoansUsd) };
    p.owed.forEach((v, i) => (row[owedKey(i)] = v));
    for (const s of statuses) row[s] = p.byStatus[s] ?? 0;
    return row as MasterSeriesRow;
  });
  const hole = (t: number) => {
    const row: Record<string, number | null> = { t, loans: null };
    history.shocks.forEach((_, i) => (row[owedKey(i)] = null));
    for (const s of statuses) row[s] = null;
    return row as MasterSeriesRow;
  };
  return { rows: withGaps(rows, hole), statuses };
}
