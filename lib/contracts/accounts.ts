// The accounts feature's wire contract: what /api/accounts and /api/accounts/[email] answer, their query
// and path schemas (one shock schema, one default pair), the note request, paths and query keys. Shared by
// the routes, the server read model, the pages and the client components; nothing here touches the server.
import { z } from 'zod';
import { IMPLAUSIBLE_DATE, isPlausibleDate } from '@/lib/security/input';
import type { ReviewBaseline } from './review';
import type {
  AccountMode,
  AccountStatus,
  ApplicabilityRule,
  DeficitBound,
  DeficitPoint,
  OutstandingLoanInput,
  PmProRisk,
  ShockCrossing,
  ShockPoints,
} from '@/lib/risk';
import type { BindingView } from './binding';
import type { RefreshInfo } from './refresh';

export const DEFAULT_SHOCK_A = -0.2;
export const DEFAULT_SHOCK_B = -0.4;

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
  /** Binance's reported margin level beside ours; `diverges` beyond the 0.5 % tolerance (docs/domain.md#reconciliation). */
  reported: { level: string; diverges: boolean } | null;
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
  /** With an unpriced asset, `atA`/`atB` are only bounds on the true deficit (lib/risk/incomplete.ts); absent when exact. */
  deficitBound?: DeficitBound;
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
  /** null: the refresh found no USD price for the asset; it is shown, never valued at 0 (docs/domain.md#status). */
  priceUsd: string | null;
  /** (free + locked) × price, exact; null without a price. */
  assetUsd: string | null;
  /** (borrowed + interest) × price, exact; null without a price. */
  liabilityUsd: string | null;
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
  id: string;
  /** The key's last 4 characters, e.g. `••••Ab3x`: never the key itself (docs/security.md, "Key fingerprints"). */
  fingerprint: string;
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
  /** The account as the note found it; null for notes written before baselines were kept. */
  baseline: ReviewBaseline | null;
}

export interface AccountDetail {
  row: AccountRow;
  refresh: RefreshInfo;
  termsSigned: boolean;
  dataAvailable: boolean;
  /** The binding verdict with its evidence, as the refresh computed it: the same view the Keys page and exit wizard show. */
  binding: BindingView;
  /** Assets left out of the totals for want of a price (then lower bounds); never valued at 0. */
  unpriced: { asset: string; held: string; owed: string }[];
  /** Never read successfully: nothing shown is data (not "the last good data"). */
  neverRead: boolean;
  totals: { assetsUsd: string; liabilitiesUsd: string; equityUsd: string };
  balances: BalanceRow[];
  shocks: ShockPoints;
  curve: DeficitPoint[];
  consequence: 'LOAN_OWED' | 'COLLATERAL_LOST' | 'UNKNOWN';
  isolatedPairs: IsolatedPairView[];
  pmPro: (PmProRisk & { accountEquity: string; accountMaintMargin: string }) | null;
  outstandingLoans: OutstandingLoanInput[];
  /** Per refresh, oldest first; `uniMMR` for Portfolio Margin Pro, which has no cross margin level. */
  history: { takenAt: string; dataAt: string; marginLevel: string | null; uniMMR: string | null; stale: boolean; status: string }[];
  /** Live figures between refreshes (docs/live.md#history): at most one point every few seconds, only when they moved. */
  liveHistory: { at: string; marginLevel: string | null; status: string }[];
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

const shock = (fallback: number) =>
  z.coerce
    .number({ error: 'a shock is a number such as -0.2 (for −20 %)' })
    .gt(-1, 'a shock must be above −100 %')
    .lte(1, 'a shock must be at most +100 %')
    .default(fallback);

/** `?shockA=&shockB=` of the accounts API and pages: absent means the default pair, anything else must be a shock. */
export const shockQuerySchema = z.object({ shockA: shock(DEFAULT_SHOCK_A), shockB: shock(DEFAULT_SHOCK_B) });

/**
 * Shocks from a page's search params, by the same schema as the API. `valid` is false when a given shock is
 * not one: the page then sends the reader to the defaults' URL rather than showing figures for other shocks
 * under the address they typed.
 */
export function shocksFrom(params: Record<string, string | string[] | undefined>): { shocks: ShockPair; valid: boolean } {
  const given = { shockA: typeof params.shockA === 'string' && params.shockA.trim() !== '' ? params.shockA : undefined, shockB: typeof params.shockB === 'string' && params.shockB.trim() !== '' ? params.shockB : undefined };
  const parsed = shockQuerySchema.safeParse(given);
  const multiple = Array.isArray(params.shockA) || Array.isArray(params.shockB);
  if (!parsed.success || multiple) return { shocks: DEFAULT_SHOCKS, valid: false };
  return { shocks: { a: parsed.data.shockA, b: parsed.data.shockB }, valid: true };
}

/** A URL-encoded email from the path; Next may hand it over encoded or not. */
export const accountParamsSchema = z.object({
  email: z
    .string()
    .transform((s, ctx) => {
      if (!s.includes('%')) return s;
      try {
        return decodeURIComponent(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'a malformed %-escape' });
        return z.NEVER;
      }
    })
    .pipe(z.string().trim().min(3).max(320)),
});

export const NOTE_MAX_LENGTH = 2000;

/**
 * A review note ("reviewed, OK until …"). `okUntil` is a calendar date or a full ISO time and must lie in
 * the future: a review that expired before it was written says nothing.
 */
export const noteBodySchema = z.object({
  body: z
    .string({ error: 'body is required' })
    .trim()
    .min(1, 'Write the note: it cannot be empty.')
    .max(NOTE_MAX_LENGTH, `A note is at most ${NOTE_MAX_LENGTH} characters.`),
  okUntil: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'okUntil must be an ISO date such as 2030-01-31.' })
    .nullish()
    .transform((v) => (v ? new Date(v.length === 10 ? `${v}T23:59:59.999Z` : v) : null))
    .refine((d) => d === null || isPlausibleDate(d), `okUntil must be ${IMPLAUSIBLE_DATE}.`)
    .refine((d) => d === null || d.getTime() > Date.now(), 'okUntil must be in the future.'),
});

export type NoteInput = z.infer<typeof noteBodySchema>;

const shockParams = (shocks: ShockPair) => `?shockA=${shocks.a}&shockB=${shocks.b}`;
export const accountsApiPath = (shocks: ShockPair) => `/api/accounts${shockParams(shocks)}`;
export const accountApiPath = (email: string, shocks: ShockPair) => `/api/accounts/${encodeURIComponent(email)}${shockParams(shocks)}`;
export const accountNotesApiPath = (email: string) => `/api/accounts/${encodeURIComponent(email)}/notes`;

/** Every cached list (what a key change or a refresh invalidates). */
export const ACCOUNTS_QUERY_ROOT = ['accounts'] as const;
export const accountsQueryKey = (shockA: number, shockB: number) => [...ACCOUNTS_QUERY_ROOT, shockA, shockB] as const;
/** Without shocks: every cached version of the account (what a saved note invalidates). */
export const accountQueryKey = (email: string, shocks?: ShockPair) => (shocks ? ['account', email, shocks.a, shocks.b] : ['account', email]);
export const accountPath = (email: string, shocks: ShockPair = DEFAULT_SHOCKS) => `/accounts/${encodeURIComponent(email)}${shockSearch(shocks)}`;
