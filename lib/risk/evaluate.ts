import { applicability } from './applicability';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import { dec, toExact, ZERO } from './decimal';
import { deficitCurve } from './deficit';
import { evaluatePair } from './isolated';
import { deficitBound, type DeficitBound } from './incomplete';
import { formatLevel, marginLevel, marginStatus } from './margin-level';
import { pmProRisk } from './pm-pro';
import type { AccountRisk, AccountStatus, Applicability, PmProRisk, PmProTier, ShockPoints } from './result-types';
import { reconcile } from './reconcile';
import { decideStatus, type StatusFacts } from './status';
import { crossShocks, pmProLiquidation } from './shocks';
import { crossSums, hasLiabilities, stableSetOf, toFloatSums, type ExposureSums } from './sums';
import { exactTotals } from './totals';
import type { AccountRiskInput } from './types';

/**
 * Everything the pages show about one sub-account's deficit risk, computed once per refresh and stored
 * (issue 6). Exact sums first (decimal.js), then the stress curve in float64 on those sums.
 */
export function evaluateAccount(input: AccountRiskInput, config: RiskConfig = DEFAULT_RISK_CONFIG): AccountRisk {
  const prepared = prepareAccount(input, config);
  return evaluatePrepared(prepared, crossSums(input.assets, prepared.stables));
}

/**
 * The parts of an account's evaluation that no price moves, computed once per REST read or balance event: the
 * live book re-prices only the sums on a tick (docs/live.md#book).
 */
export type PreparedAccount = {
  readonly input: AccountRiskInput;
  readonly config: RiskConfig;
  readonly stables: ReadonlySet<string>;
  readonly rule: Applicability;
  readonly pm: PmProRisk | null;
  readonly bound: DeficitBound | null;
  readonly outstandingLoanUsd: string;
};

export function prepareAccount(input: AccountRiskInput, config: RiskConfig = DEFAULT_RISK_CONFIG): PreparedAccount {
  return {
    input,
    config,
    stables: stableSetOf(config.stableAssets),
    rule: applicability(input),
    pm: input.mode === 'PM_PRO' && input.pmPro ? pmProRisk(input.pmPro, config.pmProTiers) : null,
    // Unknown is never zero (docs/domain.md#status): without a price for every asset our level and the shocks
    // at which it crosses a bar are not known, and the deficit curve is only a bound on the true one.
    bound: deficitBound(input.unpriced),
    // A loan in an unpriced asset adds nothing here; it is named in `unpriced`, so the sum reads "≥".
    outstandingLoanUsd: toExact(input.outstandingLoans.reduce((sum, l) => sum.plus(dec(l.valueUsd ?? '0')), ZERO)),
  };
}

/** The status alone at the prices `sums` were taken at: what a live tick must decide at once (docs/live.md). */
export function preparedStatus(p: PreparedAccount, sums: ExposureSums): AccountStatus {
  return accountStatus(p.input, sums, p.pm).status;
}

/** The whole evaluation at the prices `sums` were taken at; isolated pairs as given (the caller re-prices them). */
export function evaluatePrepared(p: PreparedAccount, sums: ExposureSums, isolatedPairs: AccountRiskInput['isolatedPairs'] = p.input.isolatedPairs): AccountRisk {
  const { input, config, rule, pm, bound } = p;
  const isPm = input.mode === 'PM_PRO';
  const bar = input.bars?.forceLiquidationBar ?? null;
  // Binance's level decides the status; ours, anchored to agree with it at s = 0, drives the stress figures.
  const level = isPm ? null : marginLevel(sums);
  const reconciled = isPm ? null : reconcile(level, input.reportedMarginLevel, bar);
  const reconciliation = reconciled && bound ? { ...reconciled, anchoredBar: null } : reconciled;
  const shocks = isPm ? pmShocks(input, sums, config) : crossShocks(sums, reconciliation?.anchoredBar ?? bar, config.liquidationCost);
  return {
    accountId: input.accountId,
    email: input.email,
    mode: input.mode,
    applicability: rule,
    consequence: rule.bound === true ? 'LOAN_OWED' : rule.bound === false ? 'COLLATERAL_LOST' : 'UNKNOWN',
    ...accountStatus(input, sums, pm),
    // Binance's margin level is a cross-margin figure; PM Pro is judged by uniMMR (`pmPro`).
    marginLevel: isPm || bound ? null : formatLevel(level),
    bars: input.bars && { marginCallBar: input.bars.marginCallBar, forceLiquidationBar: input.bars.forceLiquidationBar },
    totals: exactTotals(sums),
    shocks: bound ? { liquidation: null, bankruptcy: null, deficitOnset: null } : shocks,
    curve: deficitCurve(toFloatSums(sums), config.shocks, config.liquidationCost, rule.bound),
    isolatedPairs: isolatedPairs.map((pair) => evaluatePair(pair, config, p.stables)),
    pmPro: pm,
    outstandingLoans: input.outstandingLoans,
    outstandingLoanUsd: p.outstandingLoanUsd,
    ...(input.unpriced?.length ? { unpriced: input.unpriced } : {}),
    ...(bound ? { deficitBound: bound } : {}),
    ...(input.neverRead ? { neverRead: true } : {}),
    ...(reconciliation ? { reconciliation } : {}),
  };
}

/** Our PM Pro tier in the status vocabulary: "claim" (uniMMR ≤ 1.00) is a liquidation too. */
const TIER_STATUS: Record<PmProTier, AccountStatus> = {
  NORMAL: 'NORMAL', REDUCE_ONLY: 'REDUCE_ONLY', LIQUIDATION: 'LIQUIDATING', CLAIM: 'LIQUIDATING', NO_DEBT: 'NO_DEBT',
};

/** The status from the exchange's fields first (lib/risk/status.ts); ours only where Binance said nothing. */
function accountStatus(input: AccountRiskInput, sums: ExposureSums, pm: PmProRisk | null): { status: AccountStatus; statusSource: string } {
  if (input.neverRead) return { status: 'UNKNOWN', statusSource: 'never read successfully' };
  const unpriced = (input.unpriced ?? []).map((u) => u.asset);
  // An unpriced borrowing is a debt too, even though it is in no sum.
  const hasDebt = hasLiabilities(sums) || (input.unpriced ?? []).some((u) => !dec(u.owed).isZero());
  const loans = input.outstandingLoans;
  let facts: StatusFacts;
  if (input.mode === 'PM_PRO') {
    facts = {
      hasDebt,
      loans,
      loansUnknown: !input.dataAvailable,
      unpriced,
      reported: input.pmPro ? { field: 'accountStatus', value: input.pmPro.accountStatus } : null,
      // Portfolio account not read: only "no debt" can still be told from the balances.
      computed: pm ? { status: TIER_STATUS[pm.tier], source: `uniMMR ${pm.uniMMR ?? '—'} against our tiers` } : hasDebt ? null : { status: 'NO_DEBT', source: 'nothing borrowed in the balances read' },
    };
  } else {
    const bars = input.bars;
    const computed = marginStatus(sums, bars);
    facts = {
      hasDebt,
      loans,
      loansUnknown: !input.dataAvailable,
      unpriced,
      reportedLevel: bars && input.reportedMarginLevel ? { field: 'marginLevel', value: input.reportedMarginLevel, ...bars } : null,
      computed: computed === 'UNKNOWN' ? null : { status: computed, source: 'our margin level from balances × prices' },
    };
  }
  const verdict = decideStatus(facts);
  return { status: verdict.status, statusSource: verdict.source };
}

function pmShocks(input: AccountRiskInput, sums: ExposureSums, config: RiskConfig): ShockPoints {
  const base = crossShocks(sums, null, config.liquidationCost);
  const pm = input.pmPro;
  if (!pm) return base;
  const liquidation = pmProLiquidation(sums, dec(pm.accountEquity), dec(pm.accountMaintMargin), dec(config.pmProTiers.liquidation));
  return { ...base, liquidation };
}
