import { ISOLATED_PAIR } from './applicability';
import type { RiskConfig } from './config';
import { deficitCurve } from './deficit';
import { formatLevel, marginLevel, marginStatus } from './margin-level';
import type { PairRisk } from './result-types';
import { crossShocks } from './shocks';
import { exactTotals } from './totals';
import { decideStatus } from './status';
import { isolatedSums, toFloatSums, totalLiabilities, type ExposureSums } from './sums';
import type { IsolatedPairInput } from './types';

/** Binance's `marginLevelStatus` decides (it knows the pair's margin-call bar); ours only when absent. */
function pairStatus(pair: IsolatedPairInput, sums: ExposureSums, bar: string | null): Pick<PairRisk, 'status' | 'statusSource'> {
  // Isolated pairs report one liquidation rate; the margin-call line is Binance's to report.
  const computed = marginStatus(sums, bar === null ? null : { marginCallBar: bar, forceLiquidationBar: bar });
  const verdict = decideStatus({
    hasDebt: !totalLiabilities(sums).isZero(),
    reported: pair.marginLevelStatus !== undefined ? { field: 'marginLevelStatus', value: pair.marginLevelStatus } : null,
    computed: computed === 'UNKNOWN' ? null : { status: computed, source: 'our margin level from balances × prices' },
  });
  return { status: verdict.status, statusSource: verdict.source };
}

/**
 * One isolated pair, judged on its own (docs/domain.md#exposure, per pair): its margin level, shocks and deficit
 * curve. Isolated Margin is never bound (docs/domain.md#liquidationloan), so its deficit is collateral lost, never owed.
 */
export function evaluatePair(pair: IsolatedPairInput, config: RiskConfig, stables: ReadonlySet<string>): PairRisk {
  const sums = isolatedSums([pair.base, pair.quote], stables);
  const bar = pair.liquidateBar ?? null;
  return {
    symbol: pair.symbol,
    rule: 'ISOLATED_NEVER',
    reason: ISOLATED_PAIR.reason,
    marginLevel: formatLevel(marginLevel(sums)),
    reportedMarginLevel: pair.marginLevel ?? null,
    ...pairStatus(pair, sums, bar),
    totals: exactTotals(sums),
    shocks: crossShocks(sums, bar, config.liquidationCost),
    curve: deficitCurve(toFloatSums(sums), config.shocks, config.liquidationCost, false),
  };
}
