import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STABLE_ASSETS } from './config';
import { Dec } from './decimal';
import type { ShockCrossing } from './result-types';
import { crossing, crossShocks, levelCrossing, pmProLiquidation } from './shocks';
import { crossSums, stableSetOf } from './sums';
import { asset, assetsArb, bruteTotals, SCAN } from './test-support';

const stables = stableSetOf(DEFAULT_STABLE_ASSETS);

// Long: 10,000 USDT of own money, 45,000 USDT borrowed, 1.1 BTC at 50,000 held. A = 55,000x, L = 45,000.
const long = crossSums([asset('BTC', { free: '1.1', price: '50000' }), asset('USDT', { borrowed: '45000', price: '1' })], stables);
// Short: 10,000 USDT of own money, 16 ETH borrowed at 2,500 and sold. A = 50,000, L = 40,000x.
const short = crossSums([asset('USDT', { free: '50000', price: '1' }), asset('ETH', { borrowed: '16', price: '2500' })], stables);

describe('closed-form shocks (docs/domain.md#exposure), worked by hand', () => {
  it('long account: hurt by falls', () => {
    const s = crossShocks(long, '1.1', 0.01);
    // Liquidation: 55,000x = 1.1·45,000 = 49,500 → x = 0.9 → s = −0.10.
    expect(s.liquidation!.direction).toBe('DOWN');
    expect(s.liquidation!.shock).toBeCloseTo(-0.1, 12);
    // Bankruptcy: 55,000x = 45,000 → x = 9/11 → s = −2/11.
    expect(s.bankruptcy!.shock).toBeCloseTo(-2 / 11, 12);
    // Deficit onset: 55,000x·0.99 = 45,000 → x = 45,000/54,450 → s = 45,000/54,450 − 1.
    expect(s.deficitOnset!.shock).toBeCloseTo(45000 / 54450 - 1, 12);
  });

  it('short account: hurt by rises', () => {
    const s = crossShocks(short, '1.1', 0.01);
    // Liquidation: 50,000 = 1.1·40,000x → x = 50,000/44,000 → s = +0.13636…
    expect(s.liquidation).toEqual({ direction: 'UP', shock: expect.closeTo(50000 / 44000 - 1, 12) });
    // Bankruptcy: 50,000 = 40,000x → x = 1.25 → s = +0.25.
    expect(s.bankruptcy).toEqual({ direction: 'UP', shock: expect.closeTo(0.25, 12) });
    // Deficit onset: 49,500 = 40,000x → s = +0.2375.
    expect(s.deficitOnset!.shock).toBeCloseTo(0.2375, 12);
  });

  it('no debt: no shock at all', () => {
    const sums = crossSums([asset('BTC', { free: '1', price: '50000' })], stables);
    expect(crossShocks(sums, '1.1', 0.01)).toEqual({ liquidation: null, bankruptcy: null, deficitOnset: null });
  });

  it('stable-only account: prices never move, so no shock reaches the bar', () => {
    const sums = crossSums([asset('USDC', { free: '1050', price: '1' }), asset('USDT', { borrowed: '1000', price: '1' })], stables);
    expect(levelCrossing(sums, new Dec('1.1'))).toBeNull();
  });

  it('crossing only below a zero price is no shock: hedged long whose debt is also volatile', () => {
    // A = 1,000 stable + 1,000x, L = 800x: A ≤ 1.1·L ⇔ 1,000 + 1,000x ≤ 880x ⇔ x ≤ −8.33: never for x > 0.
    const sums = crossSums([asset('USDT', { free: '1000', price: '1' }), asset('BTC', { free: '0.02', borrowed: '0.016', price: '50000' })], stables);
    expect(levelCrossing(sums, new Dec('1.1'))).toBeNull();
  });

  it('already past the bar: a DOWN crossing above 0 (the rise needed to get out)', () => {
    // A = 40,000x, L = 38,000 → 40,000x = 41,800 → x = 1.045 → s = +0.045, DOWN.
    const sums = crossSums([asset('BTC', { free: '0.8', price: '50000' }), asset('USDT', { borrowed: '38000', price: '1' })], stables);
    expect(levelCrossing(sums, new Dec('1.1'))).toEqual({ direction: 'DOWN', shock: expect.closeTo(0.045, 12) });
  });

  it('PM Pro: maintenance margin held, equity moves with the net volatile exposure', () => {
    // Equity 10,000, MM 8,000, N = 55,000: 10,000 + 55,000(x−1) = 1.05·8,000 = 8,400 → s = −1,600/55,000.
    const c = pmProLiquidation(long, new Dec(10000), new Dec(8000), new Dec('1.05'));
    expect(c).toEqual({ direction: 'DOWN', shock: expect.closeTo(-1600 / 55000, 12) });
    expect(pmProLiquidation(long, new Dec(10000), new Dec(0), new Dec('1.05'))).toBeNull();
  });
});

/** The crossing predicts "breached" exactly on its dangerous side; points within 1e-9 of it are skipped. */
function predicted(c: ShockCrossing, s: number): boolean | undefined {
  if (Math.abs(s - c.shock) < 1e-9) return undefined;
  return c.direction === 'DOWN' ? s < c.shock : s > c.shock;
}

describe('closed-form shocks agree with a brute-force scan of the margin level (property)', () => {
  const barArb = fc.constantFrom('1.05', '1.1', '1.25', '2');
  it('ML(s) ≤ bar exactly on the predicted side', () => {
    fc.assert(
      fc.property(assetsArb, barArb, (assets, bar) => {
        const c = levelCrossing(crossSums(assets, stables), new Dec(bar));
        const breached = SCAN.map((s) => {
          const t = bruteTotals(assets, stables, s);
          return !t.liabilities.isZero() && t.assets.lte(t.liabilities.times(bar));
        });
        if (c === null) return breached.every((b) => b === breached[0]); // nothing changes over the scan
        if (!(c.shock > -1)) return false; // a price cannot fall 100 % or more
        return SCAN.every((s, i) => predicted(c, s) === undefined || predicted(c, s) === breached[i]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('edge of the domain', () => {
  it('a crossing within float rounding of −100 % is no shock (regression: fast-check seed 960149413)', () => {
    // A = 1e−7 stable + 4,803,839,620x, L = 6,004,800,000x (made up): α = 1e−7, β = 4,803,839,620 − 1.1·6,004,800,000 < 0
    // → x* ≈ 5e−17 → s* = x* − 1 rounds to −1 in float64.
    expect(crossing(new Dec('0.0000001'), new Dec(4803839620).minus(new Dec(6004800000).times('1.1')))).toBeNull();
  });
});
