import type { DeficitPoint } from './result-types';
import type { FloatSums } from './sums';

/**
 * Projected deficit under a gap shock s (docs/domain.md#exposure): prices jump, the liquidation fills at the new
 * prices at cost f, and D(s) = max(0, L(s) − A(s)·(1−f)). Float64 on sums precomputed exactly once:
 * the stress output is labelled an estimate (docs/domain.md#exposure), and this is what keeps a refresh fast.
 * The formula in docs/domain.md#exposure is used as is, not gated by "ML(s) ≤ bar": with any bar ≥ 1/(1−f) (Binance's are
 * ≥ 1.05) a positive D(s) implies liquidation anyway.
 */
export function deficitAt(sums: FloatSums, shock: number, liquidationCost: number): number {
  const x = 1 + shock;
  const d = sums.ls + sums.lv * x - (sums.as + sums.av * x) * (1 - liquidationCost);
  return d > 0 ? d : 0;
}

/**
 * D(s) over the grid, split by who bears it (docs/domain.md#exposure "show both, labelled"): where the loan applies
 * (`bound` true) the user owes D(s); otherwise the user loses the collateral and owes nothing more.
 * `collateralLost` is today's equity, all of which a deficit liquidation takes.
 */
export function deficitCurve(
  sums: FloatSums,
  shocks: readonly number[],
  liquidationCost: number,
  bound: boolean | null,
): DeficitPoint[] {
  const equityNow = sums.as + sums.av - sums.ls - sums.lv;
  const lost = equityNow > 0 ? equityNow : 0;
  const points: DeficitPoint[] = new Array(shocks.length);
  for (let i = 0; i < shocks.length; i++) {
    const shock = shocks[i]!;
    const deficit = deficitAt(sums, shock, liquidationCost);
    points[i] = {
      shock,
      deficit,
      owed: bound === true ? deficit : 0,
      collateralLost: deficit > 0 ? lost : 0,
    };
  }
  return points;
}
