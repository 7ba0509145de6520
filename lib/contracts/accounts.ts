// The JSON contract of /api/accounts and /api/accounts/[email], shared by the route handlers and the client
// components. Types and pure helpers only: nothing here touches the server.
import type {
  AccountMode,
  AccountStatus,
  ApplicabilityRule,
  DeficitPoint,
  OutstandingLoanInput,
  PmProRisk,
  ShockCrossing,
  ShockPoints,
} from '@/lib/risk';

export const DEFAULT_SHOCK_A = -0.2;
export const DEFAULT_SHOCK_B = -0.4;

export interface RefreshInfo {
  id: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface AccountRow {
  email: string;
  mode: AccountMode;
  /** true: a deficit is owed as a loan; false: standard liquidation; null: cannot be told. */
  bound: boolean | null;
  rule: ApplicabilityRule;
  reason: string;
  status: AccountStatus;
  /** The exchange field (or our figure) the status was decided from (lib/risk/status.ts). */
  statusSource: string;
  /** Cross: margin level; PM Pro: uniMMR. Null without debt. Exact decimal string. */
  level: { kind: 'ML' | 'uniMMR'; value: string | null };
  /** The account's own bars (Cross) or the PM Pro tiers; null when not read. */
  bars: { marginCall: string; liquidation: string } | null;
  liquidation: ShockCrossing | null;
  /** |shock| still to go before liquidation, 0 when already past it; null when no shock liquidates. */
  liquidationDistance: number | null;
  /** D(s) and the owed part at the two chosen shocks (stored curve points, USD estimates). */
  atA: { deficit: number; owed: number } | null;
  atB: { deficit: number; owed: number } | null;
  outstandingLoanUsd: string;
  /**
   * The isolated pair nearest to liquidation, judged on its own (docs/domain.md#exposure, per pair): a row must not look
   * safe because its cross wallet has no debt while a pair sits near its bar. Null without isolated pairs.
   */
  isolated: IsolatedSummary | null;
  keys: { total: number | null; special: number | null; stored: number };
  dataAt: string;
  stale: boolean;
  error: string | null;
}

export interface IsolatedSummary {
  symbol: string;
  /** How many isolated pairs the account has; `symbol` is the worst of them. */
  pairs: number;
  marginLevel: string | null;
  /** The pair's own liquidation bar (Binance `liquidateRate`); null when not read. */
  bar: string | null;
  status: AccountStatus;
  statusSource: string;
  liquidation: ShockCrossing | null;
  liquidationDistance: number | null;
}

export interface AccountList {
  master: { id: string; name: string } | null;
  refresh: RefreshInfo | null;
  shocks: { a: number; b: number; grid: number[] };
  rows: AccountRow[];
}

export interface BalanceRow {
  asset: string;
  free: string;
  locked: string;
  borrowed: string;
  interest: string;
  priceUsd: string;
  /** (free + locked) × price, exact. */
  assetUsd: string;
  /** (borrowed + interest) × price, exact. */
  liabilityUsd: string;
}

export interface IsolatedPairView {
  symbol: string;
  base: { asset: string; totalAsset: string; borrowed: string; interest: string };
  quote: { asset: string; totalAsset: string; borrowed: string; interest: string };
  marginLevel: string | null;
  reportedMarginLevel: string | null;
  liquidateBar: string | null;
  status: AccountStatus;
  statusSource: string;
  liquidation: ShockCrossing | null;
  equityUsd: string;
}

export interface SpecialKeySighting {
  apiKey: string;
  name: string | null;
  symbol: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  deletedAt: string | null;
}

export interface AccountNote {
  id: string;
  authorEmail: string;
  body: string;
  okUntil: string | null;
  createdAt: string;
}

export interface AccountDetail {
  row: AccountRow;
  refresh: RefreshInfo;
  termsSigned: boolean;
  dataAvailable: boolean;
  totals: { assetsUsd: string; liabilitiesUsd: string; equityUsd: string };
  balances: BalanceRow[];
  shocks: ShockPoints;
  curve: DeficitPoint[];
  consequence: 'LOAN_OWED' | 'COLLATERAL_LOST' | 'UNKNOWN';
  isolatedPairs: IsolatedPairView[];
  pmPro: (PmProRisk & { accountEquity: string; accountMaintMargin: string }) | null;
  outstandingLoans: OutstandingLoanInput[];
  history: { takenAt: string; dataAt: string; marginLevel: string | null; stale: boolean; status: string }[];
  specialKeys: SpecialKeySighting[];
  exits: { confirmedAt: string; cooldownEndsAt: string }[];
  notes: AccountNote[];
}

/** The two shocks the list's projected-owed columns use; the detail page follows the same choice. */
export type ShockPair = { a: number; b: number };
export const DEFAULT_SHOCKS: ShockPair = { a: DEFAULT_SHOCK_A, b: DEFAULT_SHOCK_B };

/** The chosen shocks as a query string ("" for the defaults), so links and reloads keep the choice. */
export function shockSearch(shocks: ShockPair): string {
  return shocks.a === DEFAULT_SHOCK_A && shocks.b === DEFAULT_SHOCK_B ? '' : `?shockA=${shocks.a}&shockB=${shocks.b}`;
}

/** Shocks from a page's search params; anything that is not a shock in (−100 %, +100 %] falls back to the default. */
export function shocksFrom(params: Record<string, string | string[] | undefined>): ShockPair {
  const one = (v: string | string[] | undefined, fallback: number) => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) && n > -1 && n <= 1 ? n : fallback;
  };
  return { a: one(params.shockA, DEFAULT_SHOCK_A), b: one(params.shockB, DEFAULT_SHOCK_B) };
}

export const accountsQueryKey = (shockA: number, shockB: number) => ['accounts', shockA, shockB] as const;
/** Without shocks: every cached version of the account (what a saved note invalidates). */
export const accountQueryKey = (email: string, shocks?: ShockPair) => (shocks ? ['account', email, shocks.a, shocks.b] : ['account', email]);
export const accountPath = (email: string, shocks: ShockPair = DEFAULT_SHOCKS) => `/accounts/${encodeURIComponent(email)}${shockSearch(shocks)}`;
