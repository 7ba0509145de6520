import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from '@/lib/risk';
import { deficitAt } from '@/lib/risk/deficit';
import { crossSums, stableSetOf, toFloatSums } from '@/lib/risk/sums';
import { account, asset } from '@/lib/risk/test-support';
import { accountUnderScenario, masterUnderScenario, shockOf, worstFalls, type AssetShocks } from './per-asset';

// The example: BTC −30 %, ETH −45 %, alts −60 %, stables de-pegging −5 %.
const crash: AssetShocks = { byAsset: { BTC: '-30', ETH: '-45' }, alts: '-60', stables: '-5' };
const cfg = DEFAULT_RISK_CONFIG; // liquidation cost 1 %

describe('per-asset scenarios', () => {
  it.each([
    ['BTC', '-30'],
    ['ETH', '-45'],
    ['SOL', '-60'],
    ['USDT', '-5'],
    ['USDC', '-5'],
  ])('%s moves by %s %', (a, s) => expect(shockOf(a, crash, cfg)).toBe(s));

  it('worked example: 10 BTC and 100 ETH against 800,000 USDT', () => {
    // A′ = 10·100,000·0.7 + 100·4,000·0.55 = 700,000 + 220,000 = 920,000
    // L′ = 800,000·1·0.95 = 760,000 (a de-pegged stable debt shrinks too)
    // D = max(0, 760,000 − 920,000·0.99) = max(0, −150,800) = 0
    const input = account({ assets: [asset('BTC', { free: '10', price: '100000' }), asset('ETH', { free: '100', price: '4000' }), asset('USDT', { borrowed: '800000', price: '1' })] });
    expect(accountUnderScenario(input, crash, cfg, true)).toMatchObject({ assetsUsd: '920000', liabilitiesUsd: '760000', deficitUsd: '0', owedUsd: '0', outcome: 'none' });
    // With 1,000,000 USDT borrowed: L′ = 950,000, D = 950,000 − 910,800 = 39,200, owed where bound.
    const deeper = account({ assets: [...input.assets.slice(0, 2), asset('USDT', { borrowed: '1000000', price: '1' })] });
    expect(accountUnderScenario(deeper, crash, cfg, true)).toMatchObject({ deficitUsd: '39200', owedUsd: '39200', outcome: 'owed' });
    expect(accountUnderScenario(deeper, crash, cfg, false)).toMatchObject({ deficitUsd: '39200', owedUsd: '0', outcome: 'collateral_lost' });
    // Binding unknown: what could be owed is counted, never silently zero.
    expect(accountUnderScenario(deeper, crash, cfg, null)).toMatchObject({ owedUsd: '39200', outcome: 'could_be_owed' });
  });

  it('a shock of −7 % is exact: 0.93, not a float that drifts a cent', () => {
    const input = account({ assets: [asset('BTC', { free: '1', price: '100000.01' }), asset('USDT', { borrowed: '100000', price: '1' })] });
    const r = accountUnderScenario(input, { byAsset: { BTC: '-7' }, alts: '0', stables: '0' }, cfg, true);
    // A′ = 93,000.0093; D = 100,000 − 93,000.0093·0.99 = 7,929.990793
    expect(r).toMatchObject({ assetsUsd: '93000.0093', deficitUsd: '7929.990793' });
  });

  it('a short loses when its borrowed asset rises', () => {
    const short = account({ assets: [asset('USDT', { free: '1000000', price: '1' }), asset('BTC', { borrowed: '9', price: '100000' })] });
    const squeeze: AssetShocks = { byAsset: { BTC: '20' }, alts: '0', stables: '0' };
    // L′ = 9·120,000 = 1,080,000; A′·0.99 = 990,000 → D = 90,000
    expect(accountUnderScenario(short, squeeze, cfg, true)).toMatchObject({ deficitUsd: '90000' });
  });

  it('a uniform scenario gives the deficit the stress curve gives at the same shock', () => {
    const volatile = ['BTC', 'ETH', 'SOL'];
    const arb = fc.record({
      held: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 3, maxLength: 3 }),
      owed: fc.integer({ min: 0, max: 3_000_000 }),
      shock: fc.integer({ min: -99, max: 99 }),
    });
    fc.assert(
      fc.property(arb, ({ held, owed, shock }) => {
        const input = account({ assets: [...volatile.map((a, i) => asset(a, { free: String(held[i]), price: '3' })), asset('USDT', { borrowed: String(owed), price: '1' })] });
        const r = accountUnderScenario(input, { byAsset: {}, alts: String(shock), stables: '0' }, cfg, true);
        const curve = deficitAt(toFloatSums(crossSums(input.assets, stableSetOf(cfg.stableAssets))), shock / 100, cfg.liquidationCost);
        expect('deficitUsd' in r && Number(r.deficitUsd)).toBeCloseTo(curve, 4);
      }),
      { numRuns: 200 },
    );
  });

  it('unknown is never zero: an account never read or without a key has no figure, and the master says how many', () => {
    const read = account({ email: 'a@x', assets: [asset('BTC', { free: '10', price: '100000' }), asset('USDT', { borrowed: '1000000', price: '1' })] });
    const never = account({ email: 'n@x', neverRead: true, assets: [] });
    const noKey = account({ email: 'k@x', dataAvailable: false, assets: [] });
    const m = masterUnderScenario([{ input: never, bound: null }, { input: read, bound: true }, { input: noKey, bound: null }], crash, cfg);
    expect(m).toMatchObject({ owedUsd: '257000', unknownCount: 2 });
    expect(m.accounts.map((r) => ('unknown' in r ? `${r.email}: ${r.unknown}` : r.email))).toEqual(['a@x', 'k@x: no key stored: balances unknown', 'n@x: never read successfully']);
  });

  it('an unpriced asset makes the figure a bound, named', () => {
    const input = account({ assets: [asset('USDT', { borrowed: '50000', price: '1' })], unpriced: [{ asset: 'XYZ', held: '40000', owed: '0' }] });
    expect(accountUnderScenario(input, crash, cfg, true)).toMatchObject({ bound: 'AT_MOST', unpriced: ['XYZ'], deficitUsd: '47500' });
  });

  it('the master sums deficits and owed amounts over its accounts, largest owed first', () => {
    const a = account({ email: 'a@x', assets: [asset('BTC', { free: '10', price: '100000' }), asset('USDT', { borrowed: '1000000', price: '1' })] });
    const b = account({ email: 'b@x', assets: [asset('ETH', { free: '100', price: '4000' }), asset('USDT', { borrowed: '300000', price: '1' })] });
    // a: L′ 950,000 − 700,000·0.99 = 257,000; b: 285,000 − 220,000·0.99 = 67,200
    const m = masterUnderScenario([{ input: b, bound: false }, { input: a, bound: true }], crash, cfg);
    expect(m).toMatchObject({ deficitUsd: '324200', owedUsd: '257000', unknownCount: 0, boundedCount: 0 });
    expect(m.accounts.map((r) => [r.email, 'owedUsd' in r && r.owedUsd])).toEqual([['a@x', '257000'], ['b@x', '0']]);
  });

  it('worst falls come from the klines: lowest low against the first open, in percent', () => {
    const k = (open: string, high: string, low: string, close: string) => [0, open, high, low, close, '0', 0, '0', 0, '0', '0', '0'] as const;
    const falls = worstFalls({
      BTCUSDT: [k('100000', '101000', '90000', '95000'), k('95000', '99000', '70000', '80000')],
      ETHUSDT: [k('4000', '4400', '4000', '4300')],
      SOLUSDT: [k('150', '150', '100.0003', '120')],
      XRPBTC: [k('1', '1', '0.5', '1')],
      ADAUSDT: [],
    });
    // SOL: 100.0003/150 − 1 = −33.33313…%, rounded away from zero: −33.34 (never milder than the exchange's move).
    expect(falls).toEqual({ BTC: '-30', ETH: '0', SOL: '-33.34' });
  });
});
