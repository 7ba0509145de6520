import { Dec, ZERO } from './decimal';
import { add, at, divide, FIXED_ONE, fixedToString, fromDec, mul, parseFixed, roundTo, sub, type Fixed } from './fixed';
import type { ShockCrossing, ShockPoints } from './result-types';
import type { ExposureSums } from './sums';

/**
 * Closed-form shocks (docs/domain.md#exposure). With x = 1+s, every level test is linear in x:
 *   g(x) = α + β·x,  the level is breached where g(x) ≤ 0.
 * g is monotone, so there is at most one crossing x* = −α/β; it is a shock only if x* > 0 (s > −1).
 * β > 0 (net long volatile): breached for x ≤ x*, i.e. by falls. β < 0 (shorts): by rises.
 */
export function crossing(alpha: Dec, beta: Dec): ShockCrossing | null {
  return crossingExact(fromDec(alpha), fromDec(beta));
}

/**
 * The same on fixed-point values. x* and x* − 1 are rounded as the engine's decimal.js rounds them (60
 * significant digits, half to even) before the float64, so the shocks are what decimal.js gave.
 */
function crossingExact(alpha: Fixed, beta: Fixed): ShockCrossing | null {
  if (beta.int === 0n) return null; // g is constant: the shock changes nothing
  const scale = Math.max(alpha.scale, beta.scale);
  const x = divide(-at(alpha, scale), at(beta, scale), Dec.precision);
  if (x.int <= 0n) return null; // crossing only at a price ≤ 0: no shock in (−1, +∞) reaches it
  const shock = Number(fixedToString(roundTo(sub(x, FIXED_ONE), Dec.precision)));
  // A crossing within ~1e-16 of −100 % rounds to −1 in float64: no representable shock reaches it.
  if (shock <= -1) return null;
  return { shock, direction: beta.int > 0n ? 'DOWN' : 'UP' };
}

/**
 * Shock at which A(s) ≤ level·L(s), i.e. ML ≤ level:
 *   α = As − level·Ls,  β = Av − level·Lv.
 */
export function levelCrossing(sums: ExposureSums, level: Dec): ShockCrossing | null {
  return levelCrossingExact(sums, fromDec(level));
}

function levelCrossingExact(sums: ExposureSums, level: Fixed): ShockCrossing | null {
  const { assetsStable, assetsVolatile, liabilitiesStable, liabilitiesVolatile } = sums.exact;
  if (add(liabilitiesStable, liabilitiesVolatile).int === 0n) return null; // no debt: no margin level to reach
  // Each step rounded as decimal.js rounds it (60 significant digits): exact sums need far fewer, but a level
  // such as 1/(1−f) has 60, and the shocks must not move from what the engine gave before.
  return crossingExact(
    asDecimalJs(sub(assetsStable, asDecimalJs(mul(level, liabilitiesStable)))),
    asDecimalJs(sub(assetsVolatile, asDecimalJs(mul(level, liabilitiesVolatile)))),
  );
}

function asDecimalJs(f: Fixed): Fixed {
  return roundTo(f, Dec.precision);
}

const onsetLevels = new Map<number, Fixed>();

/** ML at which a liquidation at cost f leaves a deficit, 1/(1−f), as decimal.js rounds it; once per cost. */
function deficitOnsetLevel(liquidationCost: number): Fixed {
  let level = onsetLevels.get(liquidationCost);
  if (!level) {
    level = fromDec(new Dec(1).div(new Dec(1).minus(liquidationCost)));
    onsetLevels.set(liquidationCost, level);
  }
  return level;
}

/**
 * Liquidation, bankruptcy (A = L, i.e. ML = 1) and deficit onset (A·(1−f) = L, i.e. ML = 1/(1−f)) for a
 * cross account or an isolated pair. Liquidation needs the bar; without it that point is null.
 */
export function crossShocks(sums: ExposureSums, liquidationBar: string | null, liquidationCost: number): ShockPoints {
  return {
    liquidation: liquidationBar === null ? null : levelCrossingExact(sums, parseFixed(liquidationBar)),
    bankruptcy: levelCrossingExact(sums, FIXED_ONE),
    deficitOnset: levelCrossingExact(sums, deficitOnsetLevel(liquidationCost)),
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
