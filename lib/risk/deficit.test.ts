import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG, DEFAULT_STABLE_ASSETS } from './config';
import { Dec } from './decimal';
import { deficitAt, deficitCurve } from './deficit';
import type { ShockCrossing } from './result-types';
import { crossShocks } from './shocks';
import { crossSums, stableSetOf, toFloatSums } from './sums';
import { asset, assetsArb, bruteTotals, SCAN } from './test-support';

const stables = stableSetOf(DEFAULT_STABLE_ASSETS);
// Long: A = 55,000·(1+s) (1.1 BTC at 50,000), L = 45,000 USDT; today's equity 10,000.
const long = toFloatSums(crossSums([asset('BTC', { free: '1.1', price: '50000' }), asset('USDT', { borrowed: '45000', price: '1' })], stables));
// Short: A = 50,000 USDT, L = 40,000·(1+s) (16 ETH at 2,500); today's equity 10,000.
const short = toFloatSums(crossSums([asset('USDT', { free: '50000', price: '1' }), asset('ETH', { borrowed: '16', price: '2500' })], stables));

describe('D(s) = max(0, L(s) − A(s)·(1−f)) (docs/domain.md#exposure), worked by hand', () => {
  it.each([
    // s, long D(s), short D(s)
    [-0.6, 45000 - 22000 * 0.99, 0], // 45,000 − 21,780 = 23,220
    [-0.4, 45000 - 33000 * 0.99, 0], // 45,000 − 32,670 = 12,330
    [-0.2, 45000 - 44000 * 0.99, 0], // 45,000 − 43,560 = 1,440
    [-0.15, 0, 0], // long: 46,750·0.99 = 46,282.5 > 45,000
    [0, 0, 0],
    [0.2, 0, 0], // short: 48,000 < 49,500
    [0.4, 0, 56000 - 49500], // short: 56,000 − 49,500 = 6,500
    [0.6, 0, 64000 - 49500], // short: 64,000 − 49,500 = 14,500
  ])('s = %d: long %d, short %d', (s, longD, shortD) => {
    expect(deficitAt(long, s, 0.01)).toBeCloseTo(longD, 6);
    expect(deficitAt(short, s, 0.01)).toBeCloseTo(shortD, 6);
  });

  it('labels who bears it: owed where bound, collateral lost (today’s equity, 10,000) everywhere', () => {
    const bound = deficitCurve(long, [-0.4, 0], 0.01, true);
    expect(bound[0]).toEqual({ shock: -0.4, deficit: expect.closeTo(12330, 6), owed: expect.closeTo(12330, 6), collateralLost: expect.closeTo(10000, 6) });
    expect(bound[1]).toEqual({ shock: 0, deficit: 0, owed: 0, collateralLost: 0 });
    const notBound = deficitCurve(long, [-0.4], 0.01, false);
    expect(notBound[0]).toMatchObject({ owed: 0, collateralLost: expect.closeTo(10000, 6) });
    expect(deficitCurve(long, [-0.4], 0.01, null)[0]!.owed).toBe(0); // unknown binding: never counted as owed
  });

  it('a higher liquidation cost only makes the deficit larger: f = 5 % at −20 %', () => {
    // 45,000 − 44,000·0.95 = 45,000 − 41,800 = 3,200.
    expect(deficitAt(long, -0.2, 0.05)).toBeCloseTo(3200, 6);
  });
});

function side(c: ShockCrossing, s: number, eps: number): boolean | undefined {
  if (Math.abs(s - c.shock) < eps) return undefined;
  return c.direction === 'DOWN' ? s < c.shock : s > c.shock;
}

const costArb = fc.constantFrom(0, 0.005, 0.01, 0.05);

describe('deficit properties', () => {
  it('D(s) ≥ 0 on any account, any grid, any cost', () => {
    fc.assert(
      fc.property(assetsArb, costArb, (assets, f) =>
        deficitCurve(toFloatSums(crossSums(assets, stables)), DEFAULT_RISK_CONFIG.shocks, f, true).every((p) => p.deficit >= 0 && p.owed >= 0),
      ),
    );
  });

  it('D = 0 with no liabilities', () => {
    const noDebt = assetsArb.map((as) => as.map((a) => ({ ...a, borrowed: '0', interest: '0' })));
    fc.assert(
      fc.property(noDebt, costArb, (assets, f) =>
        deficitCurve(toFloatSums(crossSums(assets, stables)), SCAN, f, true).every((p) => p.deficit === 0 && p.collateralLost === 0),
      ),
    );
  });

  it('float D(s) matches the exact brute-force deficit priced asset by asset', () => {
    fc.assert(
      fc.property(assetsArb, costArb, fc.constantFrom(...DEFAULT_RISK_CONFIG.shocks), (assets, f, s) => {
        const t = bruteTotals(assets, stables, s);
        const exact = Dec.max(0, t.liabilities.minus(t.assets.times(new Dec(1).minus(f)))).toNumber();
        const scale = Math.max(1, t.assets.plus(t.liabilities).toNumber());
        return Math.abs(deficitAt(toFloatSums(crossSums(assets, stables)), s, f) - exact) <= 1e-9 * scale;
      }),
      { numRuns: 300 },
    );
  });

  it('deficit onset (closed form) agrees with a scan of the exact D(s) > 0', () => {
    fc.assert(
      fc.property(assetsArb, costArb, (assets, f) => {
        const c = crossShocks(crossSums(assets, stables), null, f).deficitOnset;
        const positive = SCAN.map((s) => {
          const t = bruteTotals(assets, stables, s);
          return t.liabilities.gt(t.assets.times(new Dec(1).minus(f)));
        });
        if (c === null) return positive.every((p) => p === positive[0]);
        return SCAN.every((s, i) => side(c, s, 1e-9) === undefined || side(c, s, 1e-9) === positive[i]);
      }),
      { numRuns: 300 },
    );
  });

  it('with f = 0 the deficit starts exactly at the bankruptcy shock (float curve, scanned)', () => {
    fc.assert(
      fc.property(assetsArb, (assets) => {
        const sums = crossSums(assets, stables);
        const c = crossShocks(sums, null, 0).bankruptcy;
        const f = toFloatSums(sums);
        const curve = deficitCurve(f, SCAN, 0, true);
        // Float noise near the crossing: compare only where D is clearly zero or clearly positive. D moves by
        // |Lv − Av| per unit of shock, so a point is decided only where that move is beyond the noise (sums
        // above 2^53 carry whole units of rounding: a fixed shock margin alone was flaky, ~1 run in 6,000).
        const scale = Math.max(1, sums.liabilitiesStable.plus(sums.liabilitiesVolatile).toNumber());
        if (c === null) return curve.every((p) => p.deficit <= 1e-9 * scale) || curve.every((p) => p.deficit > 0);
        const slope = Math.abs(f.lv - f.av);
        const eps = Math.max(1e-6, (2e-9 * scale) / slope);
        return curve.every((p) => side(c, p.shock, eps) === undefined || side(c, p.shock, eps) === p.deficit > 1e-9 * scale);
      }),
      { numRuns: 300 },
    );
  });
});
