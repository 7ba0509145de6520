import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STABLE_ASSETS } from './config';
import { Dec } from './decimal';
import { formatLevel, marginLevel, marginStatus } from './margin-level';
import { crossSums, stableSetOf } from './sums';
import { asset, assetsArb } from './test-support';

const stables = stableSetOf(DEFAULT_STABLE_ASSETS);
const bars = { marginCallBar: '1.3', forceLiquidationBar: '1.1' };

describe('marginLevel (docs/domain.md#exposure)', () => {
  it('10,000 USDT deposit, 45,000 USDT borrowed, 1.1 BTC bought at 50,000: ML = 55,000 / 45,000', () => {
    const sums = crossSums(
      [asset('BTC', { free: '1', locked: '0.1', price: '50000' }), asset('USDT', { borrowed: '45000', price: '1' })],
      stables,
    );
    // 55000/45000 = 11/9 = 1.2222…: 20 significant digits.
    expect(formatLevel(marginLevel(sums))).toBe('1.2222222222222222222');
    // 1.1 < 11/9 ≤ 1.3: margin call, not liquidation.
    expect(marginStatus(sums, bars)).toBe('MARGIN_CALL');
  });

  it('interest counts as a liability and decimals stay exact: 0.1 + 0.2 style sums', () => {
    // a = 0.1 + 0.2 = 0.3 ETH at 3000.5 = 900.15; l = 0.0001 + 0.00000001 ETH = 0.00010001 ETH = 0.300080005 USD.
    const sums = crossSums([asset('ETH', { free: '0.1', locked: '0.2', borrowed: '0.0001', interest: '0.00000001', price: '3000.5' })], stables);
    expect(sums.assetsVolatile.toFixed()).toBe('900.15');
    expect(sums.liabilitiesVolatile.toFixed()).toBe('0.300080005');
    // 900.15 / 0.300080005 = 2999.700029997000299970…
    expect(marginLevel(sums)!.toSignificantDigits(12).toFixed()).toBe('2999.70003');
  });

  it('no debt: no margin level (null, not Infinity, not 999) and status NO_DEBT', () => {
    const sums = crossSums([asset('BTC', { free: '2', price: '60000' })], stables);
    expect(marginLevel(sums)).toBeNull();
    expect(marginStatus(sums, bars)).toBe('NO_DEBT');
  });

  it('uses the account’s own bars, not 1.1: the same account under different bars', () => {
    // ML = 1200 / 1000 = 1.2.
    const sums = crossSums([asset('BTC', { free: '0.02', price: '60000' }), asset('USDT', { borrowed: '1000', price: '1' })], stables);
    expect(marginStatus(sums, { marginCallBar: '1.3', forceLiquidationBar: '1.1' })).toBe('MARGIN_CALL');
    expect(marginStatus(sums, { marginCallBar: '1.5', forceLiquidationBar: '1.25' })).toBe('LIQUIDATING');
    expect(marginStatus(sums, { marginCallBar: '1.15', forceLiquidationBar: '1.05' })).toBe('NORMAL');
    expect(marginStatus(sums, null)).toBe('UNKNOWN');
  });

  it('exactly at the bar is liquidation (Binance: ML ≤ forceLiquidationBar)', () => {
    // 1100 / 1000 = 1.1 exactly; a float quotient would not decide this reliably.
    const sums = crossSums([asset('USDC', { free: '1100', price: '1' }), asset('USDT', { borrowed: '1000', price: '1' })], stables);
    expect(marginStatus(sums, bars)).toBe('LIQUIDATING');
  });

  it('property: status agrees with the quotient against the bars', () => {
    fc.assert(
      fc.property(assetsArb, (assets) => {
        const sums = crossSums(assets, stables);
        const ml = marginLevel(sums);
        const status = marginStatus(sums, bars);
        if (ml === null) return status === 'NO_DEBT';
        if (ml.lte(new Dec('1.1'))) return status === 'LIQUIDATING';
        if (ml.lte(new Dec('1.3'))) return status === 'MARGIN_CALL';
        return status === 'NORMAL';
      }),
      { numRuns: 300 },
    );
  });
});
