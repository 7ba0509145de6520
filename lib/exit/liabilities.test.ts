import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '@/lib/risk/decimal';
import { checkRepay, describeLiability, liabilitiesOf, repayableNow, type Liability } from './liabilities';

const eth = (free: string, borrowed: string, interest = '0') => ({ asset: 'ETH', free, borrowed, interest });

describe('liabilitiesOf', () => {
  it('sums borrowed and interest exactly per asset and adds an outstanding LiquidationLoan', () => {
    const rows = liabilitiesOf(
      [eth('500', '499.9', '0.10000001'), { asset: 'USDT', free: '1000000', borrowed: '0', interest: '0' }, { asset: 'BTC', free: '0', borrowed: '0.1', interest: '0.2' }],
      { asset: 'USDC', remaining: '150000.00000000' },
    );
    expect(rows.map((r) => [r.kind, r.asset, r.owed, r.free])).toEqual([
      ['MARGIN', 'BTC', '0.3', '0'],
      ['MARGIN', 'ETH', '500.00000001', '500'],
      ['LIQUIDATION_LOAN', 'USDC', '150000', '0'],
    ]);
    expect(describeLiability(rows[1]!)).toBe('500.00000001 ETH borrowed + interest');
    expect(describeLiability(rows[2]!)).toBe('LiquidationLoan 150,000 USDC');
  });

  it('a repaid loan and a debt-free wallet leave nothing', () => {
    expect(liabilitiesOf([eth('3', '0', '0')], { asset: 'USDC', remaining: '0' })).toEqual([]);
    expect(liabilitiesOf([], null)).toEqual([]);
  });
});

describe('checkRepay', () => {
  const l: Liability = { kind: 'MARGIN', asset: 'ETH', owed: '500.5', borrowed: '500', interest: '0.5', free: '400' };
  it.each([
    ['100', { ok: true, amount: '100' }],
    [' 400.00000000 ', { ok: true, amount: '400' }],
    ['400.00000001', { ok: false, message: expect.stringContaining('holds only 400 ETH free') }],
    ['500.6', { ok: false, message: expect.stringContaining('more than is owed: 500.5 ETH') }],
    ['0', { ok: false, message: expect.stringContaining('more than zero') }],
    ['-1', { ok: false, message: expect.stringContaining('number with at most 8 decimals') }],
    ['1e3', { ok: false, message: expect.stringContaining('number') }],
    ['0.123456789', { ok: false, message: expect.stringContaining('8 decimals') }],
    ['', { ok: false, message: expect.stringContaining('number') }],
  ])('%j → %o', (input, expected) => {
    expect(checkRepay(l, input)).toEqual(expected);
  });

  it('accepts exactly the amounts in (0, min(owed, free)]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), (amountUnits, owedUnits, freeUnits) => {
        const toDec = (units: number) => new Dec(units).div(10 ** 4).toFixed();
        const liability: Liability = { kind: 'MARGIN', asset: 'BTC', owed: toDec(owedUnits), free: toDec(freeUnits) };
        const ok = checkRepay(liability, toDec(amountUnits)).ok;
        expect(ok).toBe(amountUnits > 0 && amountUnits <= Math.min(owedUnits, freeUnits));
        expect(new Dec(repayableNow(liability)).eq(Dec.min(liability.owed, liability.free))).toBe(true);
      }),
    );
  });
});
