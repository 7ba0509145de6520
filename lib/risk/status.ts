/**
 * One account status, defined once for every page, export and alert (docs/domain.md, "Status").
 * The exchange's word is the authority for state: Binance liquidates on its own figures, so the status
 * shown is what Binance reports (PM Pro `accountStatus`, an isolated pair's `marginLevelStatus`, the
 * reported cross `marginLevel` against the account's bars, outstanding loans); our recomputation is only
 * the fallback when the exchange said nothing. "No debt" is never shown beside a borrowing or a loan, and a
 * status we cannot tell is "unknown", never "normal".
 */
import { formatAssetAmount } from '../format';
import { dec } from './decimal';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Every status, worst first: the severity order, defined here only. */
export const ACCOUNT_STATUSES = [
  'BANKRUPTED',
  'LOAN_OUTSTANDING',
  'LIQUIDATING',
  'PRE_LIQUIDATION',
  'REDUCE_ONLY',
  'MARGIN_CALL',
  'UNKNOWN',
  'INCOMPLETE',
  'NORMAL',
  'NO_DEBT',
] as const;

export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export type StatusTone = 'ok' | 'warn' | 'danger' | 'muted';

/** People-facing words, in one place. At-risk states carry a symbol, so colour is never the only signal. */
export const STATUS_LABEL: Record<AccountStatus, { label: string; icon: string; tone: StatusTone; meaning: string }> = {
  BANKRUPTED: { label: 'Bankrupted — loan outstanding', icon: '✖', tone: 'danger', meaning: 'Portfolio Margin Pro bankruptcy: a bankruptcy loan is outstanding and must be repaid.' },
  LOAN_OUTSTANDING: { label: 'Liquidated — loan outstanding', icon: '✖', tone: 'danger', meaning: 'A forced liquidation left a LiquidationLoan that must be repaid in full.' },
  LIQUIDATING: { label: 'Liquidating', icon: '✖', tone: 'danger', meaning: 'At or below the liquidation bar: Binance is liquidating or will liquidate.' },
  PRE_LIQUIDATION: { label: 'Near liquidation', icon: '▲', tone: 'danger', meaning: 'Binance reports the account just above its liquidation bar.' },
  REDUCE_ONLY: { label: 'Reduce-only', icon: '▲', tone: 'warn', meaning: 'Portfolio Margin Pro reduce-only: only positions that lower risk are accepted.' },
  MARGIN_CALL: { label: 'Margin call', icon: '▲', tone: 'warn', meaning: 'At or below the margin-call bar.' },
  UNKNOWN: { label: 'Unknown', icon: '?', tone: 'warn', meaning: 'The status could not be read or was not recognised: it is not known to be normal.' },
  INCOMPLETE: { label: 'Incomplete data', icon: '?', tone: 'warn', meaning: 'Part of the account could not be valued: its totals are lower bounds.' },
  NORMAL: { label: 'Normal', icon: '●', tone: 'ok', meaning: 'Borrowing, above the margin-call bar.' },
  NO_DEBT: { label: 'No debt', icon: '○', tone: 'muted', meaning: 'Nothing borrowed and no loan outstanding.' },
};

const RANK: Record<AccountStatus, number> = Object.fromEntries(
  ACCOUNT_STATUSES.map((s, i) => [s, ACCOUNT_STATUSES.length - i]),
) as Record<AccountStatus, number>;

/** Higher is worse. A code this build does not know (e.g. from an older snapshot) ranks as UNKNOWN. */
export function severity(status: string): number {
  return RANK[status as AccountStatus] ?? RANK.UNKNOWN;
}

export function isAccountStatus(value: string): value is AccountStatus {
  return value in RANK;
}

/** The label of any stored code; an unrecognised one reads as "Unknown", never as "Normal". */
export function statusLabel(status: string): (typeof STATUS_LABEL)[AccountStatus] {
  return isAccountStatus(status) ? STATUS_LABEL[status] : STATUS_LABEL.UNKNOWN;
}

export function worseOf(a: AccountStatus, b: AccountStatus): AccountStatus {
  return severity(b) > severity(a) ? b : a;
}

/** For "status worsens" rules: true when `to` ranks worse than `from`. */
export function worsens(from: string, to: string): boolean {
  return severity(to) > severity(from);
}

/**
 * Binance's status strings: PM Pro `accountStatus` (NORMAL, MARGIN_CALL, SUPPLY_MARGIN, REDUCE_ONLY,
 * ACTIVE_LIQUIDATION, FORCE_LIQUIDATION, BANKRUPTED) and `marginLevelStatus` (EXCESSIVE, NORMAL, MARGIN_CALL,
 * PRE_LIQUIDATION, FORCE_LIQUIDATION). Null for a string never seen: the caller shows it as unknown.
 */
const EXCHANGE_STATUS: Record<string, AccountStatus> = {
  EXCESSIVE: 'NORMAL',
  NORMAL: 'NORMAL',
  MARGIN_CALL: 'MARGIN_CALL',
  SUPPLY_MARGIN: 'MARGIN_CALL',
  REDUCE_ONLY: 'REDUCE_ONLY',
  PRE_LIQUIDATION: 'PRE_LIQUIDATION',
  ACTIVE_LIQUIDATION: 'LIQUIDATING',
  FORCE_LIQUIDATION: 'LIQUIDATING',
  BANKRUPTED: 'BANKRUPTED',
};

export function fromExchangeStatus(value: string): AccountStatus | null {
  return Object.hasOwn(EXCHANGE_STATUS, value) ? EXCHANGE_STATUS[value]! : null;
}

/** What a status was decided from: shown beside it, so a trader can check it against Binance. */
export type StatusVerdict = { status: AccountStatus; source: string };

/** The facts one status is decided from; every field is optional evidence, none is a default. */
export type StatusFacts = {
  /** A status string Binance reported, with the field it came from (e.g. "accountStatus (portfolio/account)"). */
  reported?: { field: string; value: string } | null;
  /** Binance's reported margin level with the account's bars, when no status string is reported. */
  reportedLevel?: { field: string; value: string; marginCallBar: string; forceLiquidationBar: string } | null;
  /** Our recomputation from balances × prices: only used when Binance reported nothing. */
  computed?: { status: AccountStatus; source: string } | null;
  /** Something is borrowed (or owed as interest) on this wallet, by the balances read. */
  hasDebt: boolean;
  loans?: { kind: 'LIQUIDATION_LOAN' | 'PM_BANKRUPTCY_LOAN'; asset: string; remaining: string }[];
  /** Assets held or owed that could not be priced: the totals are lower bounds. */
  unpriced?: string[];
  /** Loans could not be read (no key of the account's own): "no debt" cannot be told. */
  loansUnknown?: boolean;
};

/** The exchange's status first, then loans, and never "No debt"/"Normal" beside a debt, a loan or a gap. */
export function decideStatus(facts: StatusFacts): StatusVerdict {
  let verdict = primary(facts);
  if (verdict.status === 'NO_DEBT' && facts.hasDebt) {
    // A borrowing is on the books: the account has debt whatever a sentinel level (999) says.
    const computed = facts.computed && facts.computed.status !== 'NO_DEBT' ? facts.computed : null;
    verdict = computed ?? { status: 'UNKNOWN', source: `${verdict.source}, but the balances show a borrowing` };
  }
  if (verdict.status === 'NO_DEBT' && facts.loansUnknown) {
    // The master sees the cross wallet only; a LiquidationLoan needs the account's own key to be read.
    verdict = { status: 'UNKNOWN', source: `${verdict.source}; loans unreadable without this account's own key` };
  }
  for (const loan of facts.loans ?? []) {
    const status = loan.kind === 'PM_BANKRUPTCY_LOAN' ? 'BANKRUPTED' : 'LOAN_OUTSTANDING';
    const name = loan.kind === 'PM_BANKRUPTCY_LOAN' ? 'bankruptcy loan (portfolio/pmLoan)' : 'LiquidationLoan (margin/liquidation-loan)';
    if (worsens(verdict.status, status)) verdict = { status, source: `${formatAssetAmount(loan.remaining, loan.asset)} ${name} outstanding` };
  }
  const unpriced = facts.unpriced ?? [];
  if (unpriced.length > 0 && severity(verdict.status) < severity('INCOMPLETE')) {
    // Keep what Binance said beside the gap: the figures are incomplete, the exchange's word is not.
    verdict = { status: 'INCOMPLETE', source: `no price for ${unpriced.join(', ')}; ${verdict.source}` };
  }
  return verdict;
}

function primary(facts: StatusFacts): StatusVerdict {
  const { reported, reportedLevel, computed } = facts;
  if (reported) {
    const status = fromExchangeStatus(reported.value);
    if (status === null) return { status: 'UNKNOWN', source: `Binance ${reported.field} "${reported.value}", a status this app does not know` };
    // EXCESSIVE/NORMAL with nothing borrowed is "no debt"; the exchange reports no worse.
    const calm = status === 'NORMAL' && !facts.hasDebt;
    return { status: calm ? 'NO_DEBT' : status, source: `Binance ${reported.field} ${reported.value}` };
  }
  if (reportedLevel) return levelStatus(reportedLevel, facts.hasDebt);
  return computed ?? { status: 'UNKNOWN', source: 'nothing read that tells the status' };
}

/** Binance's own margin level against the account's bars: liquidation at ≤ forceLiquidationBar, call at ≤ marginCallBar. */
function levelStatus(r: NonNullable<StatusFacts['reportedLevel']>, hasDebt: boolean): StatusVerdict {
  const source = `Binance ${r.field} ${r.value} (bars ${r.marginCallBar} / ${r.forceLiquidationBar})`;
  if (!hasDebt) return { status: 'NO_DEBT', source: `nothing borrowed (Binance ${r.field} ${r.value})` };
  if (!DECIMAL.test(r.value)) return { status: 'UNKNOWN', source: `Binance ${r.field} "${r.value}" is not a decimal` };
  const level = dec(r.value);
  if (level.lte(dec(r.forceLiquidationBar))) return { status: 'LIQUIDATING', source };
  if (level.lte(dec(r.marginCallBar))) return { status: 'MARGIN_CALL', source };
  return { status: 'NORMAL', source };
}
