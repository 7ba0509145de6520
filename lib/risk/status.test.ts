import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAccount } from './evaluate';
import { ACCOUNT_STATUSES, decideStatus, fromExchangeStatus, severity, statusLabel, worsens, type StatusFacts } from './status';
import { account, asset, assetsArb } from './test-support';

const bars = { marginCallBar: '1.5', forceLiquidationBar: '1.1' };
const loan = { kind: 'LIQUIDATION_LOAN' as const, asset: 'USDC', remaining: '44600' };
const pmLoan = { kind: 'PM_BANKRUPTCY_LOAN' as const, asset: 'USDT', remaining: '1288000' };

// One row per status, each naming the exchange field it was decided from.
const rows: [string, StatusFacts, string, RegExp][] = [
  ['PM Pro NORMAL with debt', { hasDebt: true, reported: { field: 'accountStatus', value: 'NORMAL' } }, 'NORMAL', /accountStatus NORMAL/],
  ['PM Pro NORMAL, nothing borrowed', { hasDebt: false, reported: { field: 'accountStatus', value: 'NORMAL' } }, 'NO_DEBT', /accountStatus/],
  ['desk-echo: Binance MARGIN_CALL beats our tier', { hasDebt: true, reported: { field: 'accountStatus', value: 'MARGIN_CALL' }, computed: { status: 'NORMAL', source: 'ours' } }, 'MARGIN_CALL', /accountStatus MARGIN_CALL/],
  ['PM Pro SUPPLY_MARGIN', { hasDebt: true, reported: { field: 'accountStatus', value: 'SUPPLY_MARGIN' } }, 'MARGIN_CALL', /SUPPLY_MARGIN/],
  ['PM Pro REDUCE_ONLY', { hasDebt: true, reported: { field: 'accountStatus', value: 'REDUCE_ONLY' } }, 'REDUCE_ONLY', /REDUCE_ONLY/],
  ['isolated PRE_LIQUIDATION (desk-golf)', { hasDebt: true, reported: { field: 'marginLevelStatus', value: 'PRE_LIQUIDATION' }, computed: { status: 'NORMAL', source: 'ours' } }, 'PRE_LIQUIDATION', /marginLevelStatus PRE_LIQUIDATION/],
  ['FORCE_LIQUIDATION', { hasDebt: true, reported: { field: 'marginLevelStatus', value: 'FORCE_LIQUIDATION' } }, 'LIQUIDATING', /FORCE_LIQUIDATION/],
  ['ACTIVE_LIQUIDATION', { hasDebt: true, reported: { field: 'accountStatus', value: 'ACTIVE_LIQUIDATION' } }, 'LIQUIDATING', /ACTIVE_LIQUIDATION/],
  ['BANKRUPTED with its loan', { hasDebt: false, reported: { field: 'accountStatus', value: 'BANKRUPTED' }, loans: [pmLoan] }, 'BANKRUPTED', /accountStatus BANKRUPTED/],
  ['PM bankruptcy loan, status read NORMAL', { hasDebt: false, reported: { field: 'accountStatus', value: 'NORMAL' }, loans: [pmLoan] }, 'BANKRUPTED', /1,288,000 USDT bankruptcy loan/],
  ['liquidated: LiquidationLoan outstanding, no debt left', { hasDebt: false, reportedLevel: { field: 'marginLevel', value: '999', ...bars }, loans: [loan] }, 'LOAN_OUTSTANDING', /44,600 USDC LiquidationLoan/],
  ['unseen status string', { hasDebt: true, reported: { field: 'accountStatus', value: 'SOMETHING_NEW' } }, 'UNKNOWN', /SOMETHING_NEW/],
  ['nothing read', { hasDebt: true }, 'UNKNOWN', /nothing read/],
  ['unpriced asset under a calm status', { hasDebt: true, reportedLevel: { field: 'marginLevel', value: '3', ...bars }, unpriced: ['XYZ'] }, 'INCOMPLETE', /no price for XYZ/],
  ['unpriced asset does not hide a margin call', { hasDebt: true, reportedLevel: { field: 'marginLevel', value: '1.4', ...bars }, unpriced: ['XYZ'] }, 'MARGIN_CALL', /marginLevel 1.4/],
  ['Cross: reported level at the liquidation bar', { hasDebt: true, reportedLevel: { field: 'marginLevel', value: '1.1', ...bars }, computed: { status: 'NORMAL', source: 'ours' } }, 'LIQUIDATING', /marginLevel 1.1 \(bars 1.5 \/ 1.1\)/],
  ['Cross: reported level at the margin-call bar', { hasDebt: true, reportedLevel: { field: 'marginLevel', value: '1.50000000', ...bars } }, 'MARGIN_CALL', /marginLevel/],
  ['Cross: reported level above the bars', { hasDebt: true, reportedLevel: { field: 'marginLevel', value: '2', ...bars } }, 'NORMAL', /marginLevel 2/],
  ['Cross: 999 sentinel, nothing borrowed', { hasDebt: false, reportedLevel: { field: 'marginLevel', value: '999', ...bars } }, 'NO_DEBT', /nothing borrowed/],
  ['Cross: non-decimal reported level', { hasDebt: true, reportedLevel: { field: 'marginLevel', value: 'n/a', ...bars } }, 'UNKNOWN', /not a decimal/],
  ['sentinel says no debt but a borrowing is booked', { hasDebt: true, reported: { field: 'marginLevelStatus', value: 'NORMAL' } }, 'NORMAL', /NORMAL/],
  ['nothing borrowed, but loans unreadable (no own key)', { hasDebt: false, reportedLevel: { field: 'marginLevel', value: '999', ...bars }, loansUnknown: true }, 'UNKNOWN', /loans unreadable/],
  ['our own figure when Binance said nothing', { hasDebt: true, computed: { status: 'MARGIN_CALL', source: 'our margin level' } }, 'MARGIN_CALL', /our margin level/],
  ['our "no debt" with a borrowing booked', { hasDebt: true, computed: { status: 'NO_DEBT', source: 'ours' }, reportedLevel: null }, 'UNKNOWN', /borrowing/],
];

describe('decideStatus: one row per status, each with its source', () => {
  it.each(rows)('%s', (_name, facts, status, source) => {
    const v = decideStatus(facts);
    expect(v.status).toBe(status);
    expect(v.source).toMatch(source);
  });

  it('covers every status', () => {
    const seen = new Set(rows.map((r) => r[2]));
    expect(ACCOUNT_STATUSES.filter((s) => !seen.has(s))).toEqual([]);
  });
});

describe('severity order', () => {
  it('is defined once, worst first', () => {
    expect(ACCOUNT_STATUSES[0]).toBe('BANKRUPTED');
    expect(worsens('NORMAL', 'MARGIN_CALL')).toBe(true);
    expect(worsens('MARGIN_CALL', 'NORMAL')).toBe(false);
    expect(worsens('NO_DEBT', 'UNKNOWN')).toBe(true);
    expect(worsens('LIQUIDATING', 'LOAN_OUTSTANDING')).toBe(true);
  });

  it('an unrecognised stored code reads and ranks as unknown, never normal', () => {
    expect(statusLabel('CLAIM').label).toBe('Unknown');
    expect(severity('CLAIM')).toBe(severity('UNKNOWN'));
    expect(fromExchangeStatus('CLAIM')).toBeNull();
    expect(fromExchangeStatus('__proto__')).toBeNull();
  });
});

const exchangeStatus = fc.constantFrom('EXCESSIVE', 'NORMAL', 'MARGIN_CALL', 'SUPPLY_MARGIN', 'REDUCE_ONLY', 'PRE_LIQUIDATION', 'ACTIVE_LIQUIDATION', 'FORCE_LIQUIDATION', 'BANKRUPTED', 'NEW_THING', '');
const loanArb = fc.option(fc.constantFrom(loan, pmLoan).map((l) => ({ ...l, valueUsd: l.remaining })), { nil: undefined });
const calm = new Set(['NORMAL', 'NO_DEBT']);

describe('property: no input makes a page show "No debt" or "Normal" against the exchange', () => {
  it('holds for every account the engine evaluates', () => {
    fc.assert(
      fc.property(
        assetsArb,
        fc.constantFrom('CROSS_CLASSIC', 'PM_PRO', 'CROSS_PRO', 'UNKNOWN') as fc.Arbitrary<'CROSS_CLASSIC' | 'PM_PRO' | 'CROSS_PRO' | 'UNKNOWN'>,
        fc.option(exchangeStatus, { nil: null }),
        fc.option(fc.constantFrom('999', '0.5', '1.1', '1.3', '5', 'x'), { nil: null }),
        loanArb,
        fc.option(exchangeStatus, { nil: undefined }),
        (assets, mode, reported, level, outstanding, pairStatus) => {
          const r = evaluateAccount(
            account({
              mode,
              assets,
              bars: { marginCallBar: '1.3', forceLiquidationBar: '1.1' },
              reportedMarginLevel: level,
              pmPro: mode === 'PM_PRO' && reported !== null ? { accountEquity: '100', accountMaintMargin: '50', accountStatus: reported } : null,
              outstandingLoans: outstanding ? [outstanding] : [],
              isolatedPairs: [
                {
                  symbol: 'BTCUSDT',
                  base: { asset: 'BTC', totalAsset: '1', borrowed: '0', interest: '0', priceUsd: '50000' },
                  quote: { asset: 'USDT', totalAsset: '10000', borrowed: '40000', interest: '0', priceUsd: '1' },
                  liquidateBar: '1.1',
                  marginLevelStatus: pairStatus,
                },
              ],
            }),
          );
          const borrowing = r.totals.liabilitiesUsd !== '0';
          if (borrowing || outstanding) expect(r.status).not.toBe('NO_DEBT');
          if (outstanding) expect(calm.has(r.status)).toBe(false);
          if (mode === 'PM_PRO' && reported) {
            const said = fromExchangeStatus(reported);
            if (said === null || severity(said) > severity('NORMAL')) expect(calm.has(r.status)).toBe(false);
          }
          // The pair borrows 40,000 USDT: never "No debt"; Binance's worse word is never shown as "Normal".
          const pair = r.isolatedPairs[0]!;
          expect(pair.status).not.toBe('NO_DEBT');
          if (pairStatus !== undefined) {
            const said = fromExchangeStatus(pairStatus);
            if (said === null || severity(said) > severity('NORMAL')) expect(calm.has(pair.status)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a liquidated account with its loan shows the loan, not "No debt"', () => {
    const r = evaluateAccount(account({ assets: [asset('USDC', { free: '10', price: '1' })], reportedMarginLevel: '999', outstandingLoans: [{ ...loan, valueUsd: '44600' }] }));
    expect(r).toMatchObject({ status: 'LOAN_OUTSTANDING', statusSource: '44,600 USDC LiquidationLoan (margin/liquidation-loan) outstanding' });
  });
});
