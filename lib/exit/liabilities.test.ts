import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '@/lib/risk/decimal';
import { afterRepay, checkRepay, describeLiability, liabilitiesOf, repayableNow, type Liability } from './liabilities';

const eth = (free: string, borrowed: string, interest = '0') => ({ asset: 'ETH', free, borrowed, interest });

describe('liabilitiesOf', () => {
  it('sums borrowed and interest exactly per asset and adds an outstanding LiquidationLoan', () => {
    const rows = liabilitiesOf(
      [eth('500', '499.9', '0.10000001'), { asset: 'USDT', free: '1000000', borrowed: '0', interest: '0' }, { asset: 'BTC', free: '0', borrowed: '0.1', interest: '0.2' }],
      { asset: 'USDC', remaining: '150000.00000000' },
      [{ asset: 'USDC', free: '60000.00000000' }, { asset: 'ETH', free: '7' }],
    );
    // The loan is paid from the spot wallet: its free USDC, never the margin wallet's.
    expect(rows.map((r) => [r.kind, r.asset, r.owed, r.free, r.wallet])).toEqual([
      ['MARGIN', 'BTC', '0.3', '0', 'margin'],
      ['MARGIN', 'ETH', '500.00000001', '500', 'margin'],
      ['LIQUIDATION_LOAN', 'USDC', '150000', '60000', 'spot'],
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
  const l: Liability = { kind: 'MARGIN', asset: 'ETH', owed: '500.5', borrowed: '500', interest: '0.5', free: '400', wallet: 'margin' };
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

  it('says a LiquidationLoan is repaid from the spot wallet when that is what falls short', () => {
    const loan: Liability = { kind: 'LIQUIDATION_LOAN', asset: 'USDC', owed: '150000', free: '60000', wallet: 'spot' };
    expect(checkRepay(loan, '60000')).toEqual({ ok: true, amount: '60000' });
    expect(checkRepay(loan, '60000.01')).toEqual({ ok: false, message: expect.stringContaining('repaid from the spot wallet, which holds only 60,000 USDC free: move USDC to the spot wallet first') });
  });

  it('accepts exactly the amounts in (0, min(owed, free)]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), (amountUnits, owedUnits, freeUnits) => {
        const toDec = (units: number) => new Dec(units).div(10 ** 4).toFixed();
        const liability: Liability = { kind: 'MARGIN', asset: 'BTC', owed: toDec(owedUnits), free: toDec(freeUnits), wallet: 'margin' };
        const ok = checkRepay(liability, toDec(amountUnits)).ok;
        expect(ok).toBe(amountUnits > 0 && amountUnits <= Math.min(owedUnits, freeUnits));
        expect(new Dec(repayableNow(liability)).eq(Dec.min(liability.owed, liability.free))).toBe(true);
      }),
    );
  });
});

describe('afterRepay', () => {
  const all = liabilitiesOf([eth('500', '499.9', '0.1'), { asset: 'USDT', free: '1000000', borrowed: '1000000', interest: '0' }], { asset: 'USDC', remaining: '150000' }, [{ asset: 'USDC', free: '60000' }]);

  it('lowers the one repaid, exactly, and leaves the others as they are', () => {
    const { liabilities, freeAfter } = afterRepay(all, { kind: 'MARGIN', asset: 'ETH' }, '0.3');
    expect(liabilities.map((l) => [l.kind, l.asset, l.owed])).toEqual([['MARGIN', 'ETH', '499.7'], ['MARGIN', 'USDT', '1000000'], ['LIQUIDATION_LOAN', 'USDC', '150000']]);
    expect(freeAfter).toBe('499.7');
  });

  it('drops a liability repaid in full; the loan is paid from the spot wallet', () => {
    expect(afterRepay(all, { kind: 'MARGIN', asset: 'ETH' }, '500').liabilities.map((l) => l.asset)).toEqual(['USDT', 'USDC']);
    const loan = afterRepay(all, { kind: 'LIQUIDATION_LOAN', asset: 'USDC' }, '60000');
    expect(loan.liabilities.at(-1)).toMatchObject({ asset: 'USDC', owed: '90000', free: '0' });
    expect(loan.freeAfter).toBe('0');
  });

  it('knows nothing of a liability the account does not have', () => {
    expect(afterRepay(all, { kind: 'MARGIN', asset: 'BTC' }, '1')).toEqual({ liabilities: all, freeAfter: null });
  });
});
