import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG } from '@/lib/risk';
import { account, asset } from '@/lib/risk/test-support';
import { accountUnderScenario, masterUnderScenario, shockOf, worstFalls, type AssetShocks } from './per-asset';

// The example: BTC −30 %, ETH −45 %, alts −60 %, stables de-pegging −5 %.
const crash: AssetShocks = { byAsset: { BTC: -0.3, ETH: -0.45 }, alts: -0.6, stables: -0.05 };
const cfg = DEFAULT_RISK_CONFIG; // liquidation cost 1 %

describe('per-asset scenarios', () => {
  it.each([
    ['BTC', -0.3],
    ['ETH', -0.45],
    ['SOL', -0.6],
    ['USDT', -0.05],
    ['USDC', -0.05],
  ])('%s moves by %d', (a, s) => expect(shockOf(a, crash, cfg)).toBe(s));

  it('worked example: 10 BTC and 100 ETH against 800,000 USDT', () => {
    // A′ = 10·100,000·0.7 + 100·4,000·0.55 = 700,000 + 220,000 = 920,000
    // L′ = 800,000·1·0.95 = 760,000 (a de-pegged stable debt shrinks too)
    // D = max(0, 760,000 − 920,000·0.99) = max(0, −150,800) = 0
    const input = account({ assets: [asset('BTC', { free: '10', price: '100000' }), asset('ETH', { free: '100', price: '4000' }), asset('USDT', { borrowed: '800000', price: '1' })] });
    expect(accountUnderScenario(input, crash, cfg, true)).toEqual({ assetsUsd: '920000', liabilitiesUsd: '760000', deficitUsd: '0', owedUsd: '0' });
    // With 1,000,000 USDT borrowed: L′ = 950,000, D = 950,000 − 910,800 = 39,200, owed where bound.
    const deeper = account({ assets: [...input.assets.slice(0, 2), asset('USDT', { borrowed: '1000000', price: '1' })] });
    expect(accountUnderScenario(deeper, crash, cfg, true)).toMatchObject({ deficitUsd: '39200', owedUsd: '39200' });
    expect(accountUnderScenario(deeper, crash, cfg, false)).toMatchObject({ deficitUsd: '39200', owedUsd: '0' });
    expect(accountUnderScenario(deeper, crash, cfg, null)).toMatchObject({ owedUsd: '0' });
  });

  it('a short loses when its borrowed asset rises', () => {
    const short = account({ assets: [asset('USDT', { free: '1000000', price: '1' }), asset('BTC', { borrowed: '9', price: '100000' })] });
    const squeeze: AssetShocks = { byAsset: { BTC: 0.2 }, alts: 0, stables: 0 };
    // L′ = 9·120,000 = 1,080,000; A′·0.99 = 990,000 → D = 90,000
    expect(accountUnderScenario(short, squeeze, cfg, true).deficitUsd).toBe('90000');
  });

  it('the master sums deficits and owed amounts over its accounts', () => {
    const a = account({ email: 'a@x', assets: [asset('BTC', { free: '10', price: '100000' }), asset('USDT', { borrowed: '1000000', price: '1' })] });
    const b = account({ email: 'b@x', assets: [asset('ETH', { free: '100', price: '4000' }), asset('USDT', { borrowed: '300000', price: '1' })] });
    // a: L′ 950,000 − 700,000·0.99 = 257,000; b: 285,000 − 220,000·0.99 = 67,200
    const m = masterUnderScenario([{ input: a, bound: true }, { input: b, bound: false }], crash, cfg);
    expect(m).toMatchObject({ deficitUsd: '324200', owedUsd: '257000' });
    expect(m.accounts.map((r) => [r.email, r.owedUsd])).toEqual([['a@x', '257000'], ['b@x', '0']]);
  });

  it('worst falls come from the klines: lowest low against the first open', () => {
    const k = (open: string, high: string, low: string, close: string) => [0, open, high, low, close, '0', 0, '0', 0, '0', '0', '0'] as const;
    const falls = worstFalls({
      BTCUSDT: [k('100000', '101000', '90000', '95000'), k('95000', '99000', '70000', '80000')],
      ETHUSDT: [k('4000', '4400', '4000', '4300')],
      XRPBTC: [k('1', '1', '0.5', '1')],
      SOLUSDT: [],
    });
    expect(falls).toEqual({ BTC: -0.3, ETH: 0 });
  });
});
