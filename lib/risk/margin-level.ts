import type { Dec } from './decimal';
import { add, at, mul, parseFixed, type Fixed } from './fixed';
import type { MarginStatus } from './result-types';
import { totalAssets, totalLiabilities, type ExposureSums } from './sums';

export type Bars = { marginCallBar: string; forceLiquidationBar: string };

/**
 * ML = Σ a·p / Σ l·p (docs/domain.md#exposure, per Binance). No debt means no margin level: null, never Infinity or
 * the 999 sentinel Binance may report.
 */
export function marginLevel(sums: ExposureSums): Dec | null {
  const liabilities = totalLiabilities(sums);
  if (liabilities.isZero()) return null;
  return totalAssets(sums).div(liabilities);
}

/** ML as stored: 20 significant digits (the quotient itself is not a finite decimal in general). */
export function formatLevel(level: Dec | null): string | null {
  return level === null ? null : level.toSignificantDigits(20).toFixed();
}

/**
 * Status against the account's own bars (docs/domain.md#exposure: read from tradeCoeff, never hard-coded 1.1).
 * Compared as A ≤ bar·L on the exact fixed-point sums, so no rounded quotient decides a boundary case and a
 * live tick decides a status without a decimal.js object (docs/live.md). Binance: liquidation when
 * ML ≤ forceLiquidationBar, margin call when ML ≤ marginCallBar.
 */
export function marginStatus(sums: ExposureSums, bars: Bars | null): MarginStatus | 'UNKNOWN' {
  const { assetsStable, assetsVolatile, liabilitiesStable, liabilitiesVolatile } = sums.exact;
  const liabilities = add(liabilitiesStable, liabilitiesVolatile);
  if (liabilities.int === 0n) return 'NO_DEBT';
  if (bars === null) return 'UNKNOWN';
  const assets = add(assetsStable, assetsVolatile);
  if (atMost(assets, mul(liabilities, parseFixed(bars.forceLiquidationBar)))) return 'LIQUIDATING';
  if (atMost(assets, mul(liabilities, parseFixed(bars.marginCallBar)))) return 'MARGIN_CALL';
  return 'NORMAL';
}

function atMost(a: Fixed, b: Fixed): boolean {
  const scale = Math.max(a.scale, b.scale);
  return at(a, scale) <= at(b, scale);
}
