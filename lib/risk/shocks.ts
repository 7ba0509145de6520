import { dec, Dec, ZERO } from './decimal';
import type { ShockCrossing, ShockPoints } from './result-types';
import { totalLiabilities, type ExposureSums } from './sums';

/**
 * Closed-form shocks (DESIGN §1.3). With x = 1+s, every level test is linear in x:
 *   g(x) = α + β·x,  the level is breached where g(x) ≤ 0.
 * g is monotone, so there is at most one crossing x* = −α/β; it is a shock only if x* > 0 (s > −1).
 * β > 0 (net long volatile): breached for x ≤ x*, i.e. by falls. β < 0 (shorts): by rises.
 */
export function crossing(alpha: Dec, beta: Dec): ShockCrossing | null {
  if (beta.isZero()) return null; // g is constant: the shock changes nothing
  const x = alpha.neg().div(beta);
  if (x.lte(0)) return null; // crossing only at a price ≤ 0: no shock in (−1, +∞) reaches it
  const shock = x.minus(1).toNumber();
  // A crossing within ~1e-16 of −100 % rounds to −1 in float64: no representable shock reaches it.
  if (shock <= -1) return null;
  return { shock, direction: beta.gt(0) ? 'DOWN' : 'UP' };
}

/**
 * Shock at which A(s) ≤ level·L(s), i.e. ML ≤ level:
 *   α = As − level·Ls,  β = Av − level·Lv.
 */
export function levelCrossing(sums: ExposureSums, level: Dec): ShockCrossing | null {
  if (totalLiabilities(sums).isZero()) return null; // no debt: no margin level to reach
  return crossing(
    sums.assetsStable.minus(level.times(sums.liabilitiesStable)),
    sums.assetsVolatile.minus(level.times(sums.liabilitiesVolatile)),
  );
}

/**
 * Liquidation, bankruptcy (A = L, i.e. ML = 1) and deficit onset (A·(1−f) = L, i.e. ML = 1/(1−f)) for a
 * cross account or an isolated pair. Liquidation needs the bar; without it that point is null.
 */
export function crossShocks(sums: ExposureSums, liquidationBar: string | null, liquidationCost: number): ShockPoints {
  return {
    liquidation: liquidationBar === null ? null : levelCrossing(sums, dec(liquidationBar)),
    bankruptcy: levelCrossing(sums, new Dec(1)),
    deficitOnset: levelCrossing(sums, new Dec(1).div(new Dec(1).minus(liquidationCost))),
  };
}

/**
 * PM Pro liquidation: uniMMR = equity / maintenance margin reaches the liquidation tier. The snapshot
 * has no per-asset maintenance margin, so it is held at today's value (an estimate): equity moves with
 * the volatile net exposure N = Av − Lv,
 *   E(x) = accountEquity + N·(x − 1) ≤ tier·MM  ⇒  α = accountEquity − N − tier·MM,  β = N.
 */
export function pmProLiquidation(
  sums: ExposureSums,
  accountEquity: Dec,
  maintMargin: Dec,
  tier: Dec,
): ShockCrossing | null {
  if (maintMargin.lte(ZERO)) return null;
  const net = sums.assetsVolatile.minus(sums.liabilitiesVolatile);
  return crossing(accountEquity.minus(net).minus(tier.times(maintMargin)), net);
}
