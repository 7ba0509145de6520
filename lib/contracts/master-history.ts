// The Overview's master history (issue 17): one point per stored refresh of the master, from the master risk
// each refresh stored (refresh_runs.master_risk), over the snapshot retention window. Curve figures are the
// engine's float64 estimates; the outstanding loans are exact decimal strings.
import type { AccountStatus } from '@/lib/risk';

export type MasterHistoryPoint = {
  /** When the refresh finished. */
  t: string;
  /** Projected owed (bound accounts) at each of `shocks`, in the same order; null where that refresh's grid lacked it. */
  owed: (number | null)[];
  /** Σ outstanding LiquidationLoans and PM Pro bankruptcy loans, USD, exact; null where that refresh did not store it. */
  outstandingLoansUsd: string | null;
  byStatus: Partial<Record<AccountStatus, number>>;
};

export type MasterHistory = {
  /** The shocks the Overview calls out, falls and rises. */
  shocks: number[];
  retentionDays: number;
  /** Refreshes in the window before any thinning (several per bucket keep only the newest). */
  refreshes: number;
  points: MasterHistoryPoint[];
};

export const MASTER_HISTORY_PATH = '/api/overview/history';
export const MASTER_HISTORY_QUERY_KEY = ['overview', 'history'] as const;
/** At most this many points reach the browser, however long the window: a line chart shows no more. */
export const MASTER_HISTORY_MAX_POINTS = 400;
