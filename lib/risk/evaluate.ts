import { applicability } from './applicability';
import { DEFAULT_RISK_CONFIG, type RiskConfig } from './config';
import { dec, toExact, ZERO } from './decimal';
import { deficitCurve } from './deficit';
import { evaluatePair } from './isolated';
import { formatLevel, marginLevel, marginStatus } from './margin-level';
import { pmProRisk } from './pm-pro';
import type { AccountRisk, AccountStatus, ShockPoints } from './result-types';
import { crossShocks, pmProLiquidation } from './shocks';
import { crossSums, stableSetOf, toFloatSums, totalLiabilities, type ExposureSums } from './sums';
import { exactTotals } from './totals';
import type { AccountRiskInput } from './types';

/**
 * Everything the pages show about one sub-account's deficit risk, computed once per refresh and stored
 * (issue 6). Exact sums first (decimal.js), then the stress curve in float64 on those sums.
 */
export function evaluateAccount(input: AccountRiskInput, config: RiskConfig = DEFAULT_RISK_CONFIG): AccountRisk {
  const stables = stableSetOf(config.stableAssets);
  const sums = crossSums(input.assets, stables);
  const rule = applicability(input);
  const isPm = input.mode === 'PM_PRO';
  const pm = isPm && input.pmPro ? pmProRisk(input.pmPro, config.pmProTiers) : null;
  return {
    accountId: input.accountId,
    email: input.email,
    mode: input.mode,
    applicability: rule,
    consequence: rule.bound === true ? 'LOAN_OWED' : rule.bound === false ? 'COLLATERAL_LOST' : 'UNKNOWN',
    status: isPm ? pmStatus(pm?.tier ?? null, sums) : marginStatus(sums, input.bars),
    // Binance's margin level is a cross-margin figure; PM Pro is judged by uniMMR (`pmPro`).
    marginLevel: isPm ? null : formatLevel(marginLevel(sums)),
    bars: input.bars && { marginCallBar: input.bars.marginCallBar, forceLiquidationBar: input.bars.forceLiquidationBar },
    totals: exactTotals(sums),
    shocks: isPm ? pmShocks(input, sums, config) : crossShocks(sums, input.bars?.forceLiquidationBar ?? null, config.liquidationCost),
    curve: deficitCurve(toFloatSums(sums), config.shocks, config.liquidationCost, rule.bound),
    isolatedPairs: input.isolatedPairs.map((p) => evaluatePair(p, config, stables)),
    pmPro: pm,
    outstandingLoans: input.outstandingLoans,
    outstandingLoanUsd: toExact(input.outstandingLoans.reduce((sum, l) => sum.plus(dec(l.valueUsd)), ZERO)),
  };
}

function pmStatus(tier: AccountStatus | null, sums: ExposureSums): AccountStatus {
  if (tier !== null) return tier;
  // Portfolio account not read: only "no debt" can still be told from the balances.
  return totalLiabilities(sums).isZero() ? 'NO_DEBT' : 'UNKNOWN';
}

function pmShocks(input: AccountRiskInput, sums: ExposureSums, config: RiskConfig): ShockPoints {
  const base = crossShocks(sums, null, config.liquidationCost);
  const pm = input.pmPro;
  if (!pm) return base;
  const liquidation = pmProLiquidation(sums, dec(pm.accountEquity), dec(pm.accountMaintMargin), dec(config.pmProTiers.liquidation));
  return { ...base, liquidation };
}
