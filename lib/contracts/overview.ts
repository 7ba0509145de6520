// The overview page's view model (issue 6): read from what the refresh stored, never recomputed per
// request. Exact figures are decimal strings; curve figures are the engine's float64 estimates.
import type { AccountStatus, ApplicabilityRule, Contributor, MasterRisk, ShockCrossing } from '@/lib/risk';
import type { RefreshInfo } from './refresh';

/** One stacked series of the deficit curve: a top contributing account, or everyone else. */
export type CurveSeries = { key: string; email: string | null; label: string };

export type CurveRow = {
  shock: number;
  /** Σ owed over bound accounts (the projected LiquidationLoan / PM Pro bankruptcy loan). */
  owed: number;
  unknownBinding: number;
  collateralLost: number;
  /** owed split by series key; the values add up to `owed`. */
  stack: Record<string, number>;
};

export type CurveMarker = {
  email: string;
  kind: 'liquidation' | 'bankruptcy';
  crossing: ShockCrossing;
  /** The master's projected owed at that shock (linear between grid points), to sit the marker on the curve. */
  owedAt: number;
};

/** "What you would owe at −20 %": one stored curve point, with the accounts driving it. */
export type OweCallout = {
  shock: number;
  owed: number;
  unknownBinding: number;
  collateralLost: number;
  top: Contributor[];
};

export type NearestAccount = {
  email: string;
  /** An isolated pair of the account, or null for the account's own (cross / PM) margin. */
  pair: string | null;
  status: AccountStatus;
  rule: ApplicabilityRule | null;
  bound: boolean | null;
  liquidation: ShockCrossing;
  /** |shock| prices must move to liquidate; 0 when already past the bar. */
  distance: number;
};

/** An account with an outstanding LiquidationLoan or PM Pro bankruptcy loan: who owes the master's total. */
export type OwingAccount = {
  email: string;
  /** Σ of the loans' USD values, exact; a lower bound ("≥") when `unpriced`. */
  valueUsd: string;
  /** A loan is in an asset without a price: its value is unknown, never 0 (docs/domain.md#status). */
  unpriced?: boolean;
  loans: { kind: 'LIQUIDATION_LOAN' | 'PM_BANKRUPTCY_LOAN'; asset: string; remaining: string; valueUsd: string | null }[];
};

export type StaleAccount = { email: string; error: string | null; dataAt: string };

export type OverviewData = {
  /** When the shown refresh finished (or started, if it has no finish time). */
  takenAt: string;
  /** The oldest data behind the figures: earlier than `takenAt` when stale accounts carry older data. */
  oldestDataAt: string;
  accountCount: number;
  totals: {
    assetsUsd: string;
    liabilitiesUsd: string;
    equityUsd: string;
    outstandingLoansUsd: string;
    liquidationLoanUsd: string;
    pmBankruptcyLoanUsd: string;
  };
  /** Assets the totals leave out for want of a price (lower bounds then: "≥"); never valued at 0. */
  unpriced: { accounts: number; byAsset: { asset: string; held: string; owed: string }[] };
  counts: MasterRisk['counts'];
  curve: { rows: CurveRow[]; series: CurveSeries[]; markers: CurveMarker[]; range: [number, number] };
  callouts: OweCallout[];
  /** Accounts that owe an outstanding loan now, largest first. */
  owing: OwingAccount[];
  nearest: NearestAccount[];
  stale: StaleAccount[];
};

export type Overview = {
  master: { id: string; name: string };
  /** `shown`: the refresh the figures come from; `newest`: the latest attempt, for progress and errors. */
  refresh: { shown: RefreshInfo | null; newest: RefreshInfo | null };
  /** Null until a refresh has produced data. */
  data: OverviewData | null;
};

export const OVERVIEW_QUERY_KEY = ['overview'] as const;
export const OVERVIEW_POLL_MS = 30_000;
/** The shocks the page calls out ("what you would owe at −20 % / −40 %"), falls and rises: a short book loses on a rise. */
export const CALLOUT_SHOCKS = [-0.2, -0.4, 0.2, 0.4] as const;
