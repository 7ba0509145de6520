/**
 * The engine's output, computed once per refresh and stored as JSON (issue 6: pages never recompute).
 * Exact figures are decimal strings; stress figures are float64 numbers and are estimates (docs/domain.md#exposure).
 */
import type { DeficitBound } from './incomplete';
import type { Reconciliation } from './reconcile';
import type { AccountStatus } from './status';
import type { AccountMode, OutstandingLoanInput, UnpricedAsset } from './types';

export type { AccountStatus } from './status';

export type ApplicabilityRule =
  | 'BOUND_SPECIAL_KEY'
  | 'BOUND_ISOLATED_SPECIAL_KEY'
  | 'BOUND_LIQUIDATION_LOAN'
  | 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED'
  | 'NOT_BOUND'
  | 'PM_PRO_BOUND'
  | 'ISOLATED_NEVER'
  | 'UNSUPPORTED_PRODUCT'
  | 'UNKNOWN_NO_KEY'
  | 'UNKNOWN_READ_ONLY_KEY'
  | 'UNKNOWN_NOT_READ'
  | 'UNKNOWN_MODE';

export type Applicability = {
  rule: ApplicabilityRule;
  /** true: a deficit is owed as a loan; false: standard liquidation; null: cannot be told. */
  bound: boolean | null;
  /** One sentence for people. */
  reason: string;
  /**
   * What the verdict rests on, one line each: terms, special keys seen now, key history, exit confirmation,
   * loans. Computed once per account per refresh and shown as is on every page (docs/domain.md#binding).
   */
  evidence?: string[];
};

/** Our recomputed margin level against the account's own bars (the fallback when Binance reports no status). */
export type MarginStatus = 'NORMAL' | 'MARGIN_CALL' | 'LIQUIDATING' | 'NO_DEBT';

/**
 * Where a level (liquidation bar, zero equity, deficit onset) is crossed by a uniform shock.
 * DOWN: breached for every shock ≤ `shock` (net long volatile); UP: for every shock ≥ `shock` (shorts).
 * A crossing on the safe side of 0 (e.g. DOWN with shock > 0) means the account is already past it.
 */
export type ShockCrossing = { shock: number; direction: 'DOWN' | 'UP' };

export type ShockPoints = {
  /** ML reaches the liquidation bar (PM Pro: uniMMR reaches the liquidation tier). */
  liquidation: ShockCrossing | null;
  /** Equity A − L reaches zero. */
  bankruptcy: ShockCrossing | null;
  /** D(s) turns positive: A·(1−f) = L. */
  deficitOnset: ShockCrossing | null;
};

/** D(s) at one shock, USD estimates. */
export type DeficitPoint = {
  shock: number;
  /** D(s) = max(0, L(s) − A(s)·(1−f)). */
  deficit: number;
  /** The part the user must repay as a LiquidationLoan / PM Pro bankruptcy loan: D(s) where bound, else 0. */
  owed: number;
  /** Today's equity the user loses in a deficit liquidation (all of it, when D(s) > 0), else 0. */
  collateralLost: number;
};

export type ExactTotals = { assetsUsd: string; liabilitiesUsd: string; equityUsd: string };

export type PairRisk = {
  symbol: string;
  rule: 'ISOLATED_NEVER';
  reason: string;
  /** Σ totalAsset·p / Σ (borrowed+interest)·p, exact; null without debt. */
  marginLevel: string | null;
  reportedMarginLevel: string | null;
  /** Binance's `marginLevelStatus` for the pair first (lib/risk/status.ts). */
  status: AccountStatus;
  statusSource: string;
  totals: ExactTotals;
  shocks: ShockPoints;
  curve: DeficitPoint[];
};

export type PmProTier = 'NORMAL' | 'REDUCE_ONLY' | 'LIQUIDATION' | 'CLAIM' | 'NO_DEBT';

export type PmProRisk = {
  /** accountEquity / accountMaintMargin, exact; null when no maintenance margin. */
  uniMMR: string | null;
  tier: PmProTier;
  accountStatus: string;
};

export type AccountRisk = {
  accountId: string;
  email: string;
  mode: AccountMode;
  applicability: Applicability;
  /** How a deficit lands on the user: owed as a loan, collateral lost only, or not known. */
  consequence: 'LOAN_OWED' | 'COLLATERAL_LOST' | 'UNKNOWN';
  /** Decided by lib/risk/status.ts: the exchange's word first, loans, never "No debt" beside a debt. */
  status: AccountStatus;
  /** The exchange field (or our figure) the status was decided from, for people. */
  statusSource: string;
  /** Cross: Σa·p / Σl·p exact; null without debt (never Infinity or 999). PM Pro: see `pmPro.uniMMR`. */
  marginLevel: string | null;
  bars: { marginCallBar: string; forceLiquidationBar: string } | null;
  totals: ExactTotals;
  shocks: ShockPoints;
  curve: DeficitPoint[];
  isolatedPairs: PairRisk[];
  pmPro: PmProRisk | null;
  outstandingLoans: OutstandingLoanInput[];
  /** Σ valueUsd of the outstanding loans, exact. */
  outstandingLoanUsd: string;
  /** Assets left out of `totals` for want of a price: non-empty means the totals are lower bounds ("≥"). */
  unpriced?: UnpricedAsset[];
  /** With unpriced assets, how `curve` relates to the true deficit (lib/risk/incomplete.ts); absent when exact. */
  deficitBound?: DeficitBound;
  /** Nothing was ever read: "never read successfully", not "last good data". */
  neverRead?: boolean;
  /** Our margin level against Binance's reported one (cross accounts with debt and a reported level). */
  reconciliation?: Reconciliation;
};

export type Contributor = { accountId: string; email: string; owed: number };

export type MasterCurvePoint = {
  shock: number;
  /** Σ owed over bound accounts: the projected LiquidationLoan (and PM Pro bankruptcy loan). */
  owed: number;
  /** Σ D(s) over accounts whose binding is unknown (no key, Cross Pro, unknown mode): could be owed. */
  unknownBinding: number;
  /** Σ collateralLost over every account. */
  collateralLost: number;
  /** Largest `owed` contributors, descending. */
  top: Contributor[];
};

export type MasterRisk = {
  accountCount: number;
  shocks: number[];
  curve: MasterCurvePoint[];
  totals: ExactTotals;
  /** What the totals leave out for want of a price: accounts affected and amounts per asset (never valued as 0). */
  unpriced?: { accounts: number; byAsset: UnpricedAsset[] };
  outstandingLoans: {
    liquidationLoanUsd: string;
    pmBankruptcyLoanUsd: string;
    totalUsd: string;
    byAsset: { kind: OutstandingLoanInput['kind']; asset: string; remaining: string; valueUsd: string }[];
  };
  counts: {
    byStatus: Record<AccountStatus, number>;
    byRule: Record<ApplicabilityRule, number>;
    bound: number;
    notBound: number;
    unknown: number;
  };
  /** Accounts already liquidating first, then by the size of the shock that liquidates them. */
  /** `pair`: an isolated pair of the account (its own liquidation, standard rules); null: the account itself. */
  nearestToLiquidation: { accountId: string; email: string; pair: string | null; status: AccountStatus; liquidation: ShockCrossing }[];
};
