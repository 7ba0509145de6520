import { ZERO, type Dec } from './decimal';
import { add, fixedToString, parseFixed, pow10, toDec, type Fixed } from './fixed';
import type { AssetBalance, IsolatedLeg } from './types';

/**
 * USD value of an account's assets and liabilities, split into the part a shock moves (volatile) and the
 * part it leaves alone (stables, docs/domain.md#exposure choice). Both sums are linear in (1+s):
 *   A(s) = assetsStable + assetsVolatile·(1+s),  L(s) = liabilitiesStable + liabilitiesVolatile·(1+s),
 * which is what makes the closed-form shocks and the fast float curve possible. Exact (fixed-point BigInt
 * sums, handed on as decimal.js values).
 */
export type ExposureSums = {
  readonly assetsStable: Dec;
  readonly assetsVolatile: Dec;
  readonly liabilitiesStable: Dec;
  readonly liabilitiesVolatile: Dec;
  /** The same four sums as exact fixed-point integers, for the closed-form shocks (lib/risk/fixed.ts). */
  exact: { assetsStable: Fixed; assetsVolatile: Fixed; liabilitiesStable: Fixed; liabilitiesVolatile: Fixed };
};

/** The same four sums as float64, for the stress curve (an estimate, docs/domain.md#exposure). */
export type FloatSums = { as: number; av: number; ls: number; lv: number };

const stableSets = new WeakMap<readonly string[], ReadonlySet<string>>();
const stableByName = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();

/** Whether an asset (any case) is in the stable set; memoized per name, since names repeat on every account. */
function isStable(stables: ReadonlySet<string>, asset: string): boolean {
  let known = stableByName.get(stables);
  if (!known) stableByName.set(stables, (known = new Map()));
  let stable = known.get(asset);
  if (stable === undefined) {
    if (known.size >= 10_000) known.clear();
    stable = stables.has(asset.toUpperCase());
    known.set(asset, stable);
  }
  return stable;
}

/** The configured stable list as a set, built once per config array. */
export function stableSetOf(stableAssets: readonly string[]): ReadonlySet<string> {
  let set = stableSets.get(stableAssets);
  if (!set) {
    set = new Set(stableAssets.map((a) => a.toUpperCase()));
    stableSets.set(stableAssets, set);
  }
  return set;
}

/** Four running sums, each an integer at the largest scale seen so far (mutable: one per account, no garbage). */
class Accumulator {
  readonly sums = [0n, 0n, 0n, 0n];
  readonly scales = [0, 0, 0, 0];

  add(i: number, int: bigint, scale: number): void {
    const have = this.scales[i]!;
    if (scale > have) {
      this.sums[i] = this.sums[i]! * pow10(scale - have);
      this.scales[i] = scale;
      this.sums[i]! += int;
    } else {
      this.sums[i]! += scale === have ? int : int * pow10(have - scale);
    }
  }

  // Per Binance the margin level counts everything held (borrowed proceeds included) against everything
  // owed (borrowed + interest), each at its own price (docs/domain.md#exposure).
  leg(stable: boolean, held: Fixed | null, owed: Fixed | null, price: Fixed): void {
    if (held) this.add(stable ? 0 : 1, held.int * price.int, held.scale + price.scale);
    if (owed) this.add(stable ? 2 : 3, owed.int * price.int, owed.scale + price.scale);
  }

  result(): ExposureSums {
    const f = (i: number): Fixed => ({ int: this.sums[i]!, scale: this.scales[i]! });
    return new Sums({ assetsStable: f(0), assetsVolatile: f(1), liabilitiesStable: f(2), liabilitiesVolatile: f(3) });
  }
}

const decOf = (x: Fixed) => (x.int === 0n ? ZERO : toDec(x));

/** The decimal.js views are made on first use: the closed-form shocks and the float curve never need them. */
class Sums implements ExposureSums {
  private memo: Partial<Record<keyof ExposureSums['exact'], Dec>> = {};
  constructor(readonly exact: ExposureSums['exact']) {}
  private dec(key: keyof ExposureSums['exact']): Dec {
    return (this.memo[key] ??= decOf(this.exact[key]));
  }
  get assetsStable() { return this.dec('assetsStable'); }
  get assetsVolatile() { return this.dec('assetsVolatile'); }
  get liabilitiesStable() { return this.dec('liabilitiesStable'); }
  get liabilitiesVolatile() { return this.dec('liabilitiesVolatile'); }
}

const ZERO_STRING = /^0+(\.0+)?$/;

/** A balance figure, or null for zero: most balances have no locked part, no debt or no interest. */
function amount(value: string): Fixed | null {
  // Only a figure that starts with "0" can be zero: most amounts skip the pattern test.
  return value.charCodeAt(0) === 48 && ZERO_STRING.test(value) ? null : parseFixed(value);
}

function sum2(a: string, b: string): Fixed | null {
  const x = amount(a);
  const y = amount(b);
  return x && y ? add(x, y) : (x ?? y);
}

const priceCache = new Map<string, Fixed>();

/** Prices repeat across every account of a master (one price table per refresh): parsed once, bounded. */
function price(value: string): Fixed {
  let p = priceCache.get(value);
  if (p === undefined) {
    if (priceCache.size >= 10_000) priceCache.clear();
    p = parseFixed(value);
    priceCache.set(value, p);
  }
  return p;
}

/** Cross (or PM Pro) wallet: a = free + locked, l = borrowed + interest. */
export function crossSums(assets: readonly AssetBalance[], stables: ReadonlySet<string>): ExposureSums {
  const acc = new Accumulator();
  for (const a of assets) {
    const held = sum2(a.free, a.locked);
    const owed = sum2(a.borrowed, a.interest);
    if (held === null && owed === null) continue;
    acc.leg(isStable(stables, a.asset), held, owed, price(a.priceUsd));
  }
  return acc.result();
}

/** One cross-wallet asset with its amounts parsed once, apart from its price (docs/live.md: re-priced per tick). */
export type Leg = { readonly asset: string; readonly stable: boolean; readonly held: Fixed | null; readonly owed: Fixed | null };

/** The legs `crossSums` would sum, without their prices; assets with nothing held or owed are left out as there. */
export function crossLegs(assets: readonly AssetBalance[], stables: ReadonlySet<string>): Leg[] {
  const legs: Leg[] = [];
  for (const a of assets) {
    const held = sum2(a.free, a.locked);
    const owed = sum2(a.borrowed, a.interest);
    if (held === null && owed === null) continue;
    legs.push({ asset: a.asset, stable: isStable(stables, a.asset), held, owed });
  }
  return legs;
}

/** `crossSums` of the legs at these prices (the same exact accumulation): a tick moves one price, no string is parsed. */
export function sumLegs(legs: readonly Leg[], priceOf: (asset: string) => Fixed): ExposureSums {
  const acc = new Accumulator();
  for (const l of legs) acc.leg(l.stable, l.held, l.owed, priceOf(l.asset));
  return acc.result();
}

/** A decimal price string as the sums parse it (cached: prices repeat across accounts). */
export function fixedPrice(value: string): Fixed {
  return price(value);
}

/** One isolated pair: a = totalAsset of each leg, l = borrowed + interest of each leg. */
export function isolatedSums(legs: readonly IsolatedLeg[], stables: ReadonlySet<string>): ExposureSums {
  const acc = new Accumulator();
  for (const leg of legs) {
    acc.leg(isStable(stables, leg.asset), amount(leg.totalAsset), sum2(leg.borrowed, leg.interest), price(leg.priceUsd));
  }
  return acc.result();
}

export function totalAssets(s: ExposureSums): Dec {
  return s.assetsStable.plus(s.assetsVolatile);
}

/** Anything owed at all, decided on the exact sums (no decimal.js object). */
export function hasLiabilities(s: ExposureSums): boolean {
  return add(s.exact.liabilitiesStable, s.exact.liabilitiesVolatile).int !== 0n;
}

export function totalLiabilities(s: ExposureSums): Dec {
  return s.liabilitiesStable.plus(s.liabilitiesVolatile);
}

/** Each the float64 nearest the exact sum (what decimal.js's toNumber gives for the same value). */
export function toFloatSums(s: ExposureSums): FloatSums {
  const n = (x: Fixed) => Number(fixedToString(x));
  return { as: n(s.exact.assetsStable), av: n(s.exact.assetsVolatile), ls: n(s.exact.liabilitiesStable), lv: n(s.exact.liabilitiesVolatile) };
}
