import { dec, decPrice, ZERO, type Dec } from './decimal';
import type { AssetBalance, IsolatedLeg } from './types';

/**
 * USD value of an account's assets and liabilities, split into the part a shock moves (volatile) and the
 * part it leaves alone (stables, DESIGN §1.3 choice). Both sums are linear in (1+s):
 *   A(s) = assetsStable + assetsVolatile·(1+s),  L(s) = liabilitiesStable + liabilitiesVolatile·(1+s),
 * which is what makes the closed-form shocks and the fast float curve possible. Exact (decimal.js).
 */
export type ExposureSums = {
  assetsStable: Dec;
  assetsVolatile: Dec;
  liabilitiesStable: Dec;
  liabilitiesVolatile: Dec;
};

/** The same four sums as float64, for the stress curve (an estimate, DESIGN §1.3). */
export type FloatSums = { as: number; av: number; ls: number; lv: number };

const stableSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The configured stable list as a set, built once per config array. */
export function stableSetOf(stableAssets: readonly string[]): ReadonlySet<string> {
  let set = stableSets.get(stableAssets);
  if (!set) {
    set = new Set(stableAssets.map((a) => a.toUpperCase()));
    stableSets.set(stableAssets, set);
  }
  return set;
}

function emptySums(): ExposureSums {
  return { assetsStable: ZERO, assetsVolatile: ZERO, liabilitiesStable: ZERO, liabilitiesVolatile: ZERO };
}

function addLeg(sums: ExposureSums, stable: boolean, held: Dec, owed: Dec, price: Dec): void {
  // Per Binance the margin level counts everything held (borrowed proceeds included) against everything
  // owed (borrowed + interest), each at its own price (DESIGN §1.3).
  if (!held.isZero()) {
    const v = held.times(price);
    if (stable) sums.assetsStable = sums.assetsStable.plus(v);
    else sums.assetsVolatile = sums.assetsVolatile.plus(v);
  }
  if (!owed.isZero()) {
    const v = owed.times(price);
    if (stable) sums.liabilitiesStable = sums.liabilitiesStable.plus(v);
    else sums.liabilitiesVolatile = sums.liabilitiesVolatile.plus(v);
  }
}

/** Most balances have no locked part or no interest; decimal.js copies its argument even to add zero. */
function sum2(a: string, b: string): Dec {
  const x = dec(a);
  const y = dec(b);
  return y === ZERO ? x : x === ZERO ? y : x.plus(y);
}

/** Cross (or PM Pro) wallet: a = free + locked, l = borrowed + interest. */
export function crossSums(assets: readonly AssetBalance[], stables: ReadonlySet<string>): ExposureSums {
  const sums = emptySums();
  for (const a of assets) {
    const held = sum2(a.free, a.locked);
    const owed = sum2(a.borrowed, a.interest);
    if (held === ZERO && owed === ZERO) continue;
    addLeg(sums, stables.has(a.asset.toUpperCase()), held, owed, decPrice(a.priceUsd));
  }
  return sums;
}

/** One isolated pair: a = totalAsset of each leg, l = borrowed + interest of each leg. */
export function isolatedSums(legs: readonly IsolatedLeg[], stables: ReadonlySet<string>): ExposureSums {
  const sums = emptySums();
  for (const leg of legs) {
    const owed = sum2(leg.borrowed, leg.interest);
    addLeg(sums, stables.has(leg.asset.toUpperCase()), dec(leg.totalAsset), owed, decPrice(leg.priceUsd));
  }
  return sums;
}

export function totalAssets(s: ExposureSums): Dec {
  return s.assetsStable.plus(s.assetsVolatile);
}

export function totalLiabilities(s: ExposureSums): Dec {
  return s.liabilitiesStable.plus(s.liabilitiesVolatile);
}

export function toFloatSums(s: ExposureSums): FloatSums {
  return {
    as: s.assetsStable.toNumber(),
    av: s.assetsVolatile.toNumber(),
    ls: s.liabilitiesStable.toNumber(),
    lv: s.liabilitiesVolatile.toNumber(),
  };
}

/** Exact sums after a shock s (used by tests and brute-force checks, not by the fast curve). */
export function shockedTotals(s: ExposureSums, shock: Dec): { assets: Dec; liabilities: Dec } {
  const x = shock.plus(1);
  return {
    assets: s.assetsStable.plus(s.assetsVolatile.times(x)),
    liabilities: s.liabilitiesStable.plus(s.liabilitiesVolatile.times(x)),
  };
}
