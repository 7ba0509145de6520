/**
 * Builders and fast-check arbitraries shared by the risk tests (not itself a test file).
 */
import fc from 'fast-check';
import { Dec } from './decimal';
import type { AccountRiskInput, AssetBalance } from './types';

export function asset(
  name: string,
  amounts: { free?: string; locked?: string; borrowed?: string; interest?: string; price: string },
): AssetBalance {
  return {
    asset: name,
    free: amounts.free ?? '0',
    locked: amounts.locked ?? '0',
    borrowed: amounts.borrowed ?? '0',
    interest: amounts.interest ?? '0',
    priceUsd: amounts.price,
  };
}

/** A Cross Classic account with a stored key, signed terms and no special key unless overridden. */
export function account(overrides: Partial<AccountRiskInput> = {}): AccountRiskInput {
  return {
    accountId: 'acc-1',
    email: 'sub1@desk.example',
    mode: 'CROSS_CLASSIC',
    dataAvailable: true,
    termsSigned: true,
    specialKeys: { everCreated: false, activeCount: 0, exitConfirmedAt: null },
    assets: [],
    bars: { marginCallBar: '1.3', forceLiquidationBar: '1.1' },
    isolatedPairs: [],
    pmPro: null,
    outstandingLoans: [],
    ...overrides,
  };
}

/** A decimal string with up to `maxScale` decimals, e.g. "1234.56780000". */
export function decimalString(maxInt: number, maxScale: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: maxScale }))
    .map(([n, scale]) => new Dec(n).div(new Dec(10).pow(scale)).toFixed(scale));
}

/** Mostly zero, as most margin balances are. */
const amount = fc.oneof({ arbitrary: fc.constant('0'), weight: 1 }, { arbitrary: decimalString(2_000_000_000, 8), weight: 2 });

/** Assets named so `stable` assets are in the default stable list and the others are not. */
export const assetArb: fc.Arbitrary<AssetBalance> = fc
  .record({
    stable: fc.boolean(),
    index: fc.integer({ min: 0, max: 4 }),
    free: amount,
    locked: amount,
    borrowed: amount,
    interest: amount,
    price: decimalString(1_000_000_000, 4).filter((p) => p !== '0' && !/^0\.0*$/.test(p)),
  })
  .map((r) => ({
    asset: r.stable ? (['USDT', 'USDC', 'FDUSD', 'DAI', 'TUSD'] as const)[r.index]! : `VOL${r.index}`,
    free: r.free,
    locked: r.locked,
    borrowed: r.borrowed,
    interest: r.interest,
    // Stables near 1, as in the market; volatile assets anywhere.
    priceUsd: r.stable ? '1' : r.price,
  }));

const anyAssetsArb = fc.array(assetArb, { minLength: 0, maxLength: 6 });

/**
 * Random wallets rarely sit near a bar, which would leave the scans with nothing to check; this one adds a
 * debt (stable or volatile) that brings the margin level to a target between 0.8 and 3.
 */
const leveredAssetsArb = fc
  .tuple(fc.array(assetArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 80, max: 300 }), fc.boolean())
  .map(([collateral, targetPct, stableDebt]) => {
    const assets = collateral.map((a) => ({ ...a, borrowed: '0', interest: '0' }));
    const stables = new Set<string>(['USDT', 'USDC', 'FDUSD', 'DAI', 'TUSD']);
    const t = bruteTotals(assets, stables, 0);
    const missing = t.assets.times(100).div(targetPct).minus(t.liabilities);
    if (missing.lte(0)) return assets;
    const price = stableDebt ? new Dec(1) : new Dec('123.4567');
    const borrowed = missing.div(price).toDecimalPlaces(8).toFixed(8);
    return [...assets, asset(stableDebt ? 'USDT' : 'VOL9', { borrowed, price: price.toFixed() })];
  });

export const assetsArb = fc.oneof(anyAssetsArb, leveredAssetsArb);

/** Brute force: A(s) and L(s) priced asset by asset at the shocked prices, exact. */
export function bruteTotals(assets: readonly AssetBalance[], stables: ReadonlySet<string>, shock: number) {
  let a = new Dec(0);
  let l = new Dec(0);
  for (const x of assets) {
    const price = stables.has(x.asset) ? new Dec(x.priceUsd) : new Dec(x.priceUsd).times(new Dec(1).plus(shock));
    a = a.plus(new Dec(x.free).plus(x.locked).times(price));
    l = l.plus(new Dec(x.borrowed).plus(x.interest).times(price));
  }
  return { assets: a, liabilities: l };
}

/** −0.99 … +3.00 in steps of 0.01: wide enough to pass most crossings, both directions. */
export const SCAN = Array.from({ length: 400 }, (_, i) => Math.round((-0.99 + i * 0.01) * 100) / 100);
