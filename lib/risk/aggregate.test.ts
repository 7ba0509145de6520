import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateMaster, distanceToLiquidation, ShockGridMismatchError } from './aggregate';
import { DEFAULT_RISK_CONFIG, makeRiskConfig } from './config';
import { Dec } from './decimal';
import { evaluateAccount } from './evaluate';
import { account, asset, assetsArb } from './test-support';
import type { AccountRiskInput } from './types';

const at = (shock: number) => DEFAULT_RISK_CONFIG.shocks.indexOf(shock);
const bound = { everCreated: true, activeCount: 1, exitConfirmedAt: null };
// Long: D(−0.40) = 12,330, D(+0.40) = 0; liquidation at −0.10. Equity 10,000.
const longWallet = [asset('BTC', { free: '1.1', price: '50000' }), asset('USDT', { borrowed: '45000', price: '1' })];
// Short: D(−0.40) = 0, D(+0.40) = 56,000 − 49,500 = 6,500; liquidation at +50,000/44,000 − 1 = +0.136. Equity 10,000.
const shortWallet = [asset('USDT', { free: '50000', price: '1' }), asset('ETH', { borrowed: '16', price: '2500' })];

const desk = [
  account({ accountId: 'a', email: 'a@x', specialKeys: bound, assets: longWallet, outstandingLoans: [{ kind: 'LIQUIDATION_LOAN', asset: 'USDT', remaining: '100.5', valueUsd: '100.5' }] }),
  account({ accountId: 'b', email: 'b@x', specialKeys: bound, assets: shortWallet }),
  account({ accountId: 'c', email: 'c@x', assets: longWallet }), // not bound
  account({ accountId: 'd', email: 'd@x', mode: 'CROSS_PRO', assets: longWallet }), // unknown binding
  account({
    accountId: 'e', email: 'e@x', mode: 'PM_PRO', bars: null, assets: [],
    pmPro: { accountEquity: '0', accountMaintMargin: '0', accountStatus: 'NORMAL' },
    outstandingLoans: [{ kind: 'PM_BANKRUPTCY_LOAN', asset: 'BTC', remaining: '0.001', valueUsd: '50.00000001' }],
  }),
].map((input) => evaluateAccount(input));

describe('aggregateMaster, worked by hand', () => {
  const m = aggregateMaster(desk, { topContributors: 1, nearestCount: 3 });

  it('projected loan per shock counts bound accounts only', () => {
    // −0.40: a owes 12,330 (b's short owes 0; c not bound; d unknown) → 12,330.
    expect(m.curve[at(-0.4)]!.owed).toBeCloseTo(12330, 6);
    // +0.40: b owes 6,500.
    expect(m.curve[at(0.4)]!.owed).toBeCloseTo(6500, 6);
    // Cross Pro d's 12,330 is shown apart as "could be owed".
    expect(m.curve[at(-0.4)]!.unknownBinding).toBeCloseTo(12330, 6);
    // Collateral lost at −0.40: a, c, d lose their 10,000 each.
    expect(m.curve[at(-0.4)]!.collateralLost).toBeCloseTo(30000, 6);
    expect(m.curve[at(-0.4)]!.top).toEqual([{ accountId: 'a', email: 'a@x', owed: expect.closeTo(12330, 6) }]);
    expect(m.curve[at(0)]).toMatchObject({ owed: 0, unknownBinding: 0, top: [] });
  });

  it('outstanding loans exact: 100.5 + 50.00000001', () => {
    expect(m.outstandingLoans).toMatchObject({ liquidationLoanUsd: '100.5', pmBankruptcyLoanUsd: '50.00000001', totalUsd: '150.50000001' });
    expect(m.outstandingLoans.byAsset).toHaveLength(2);
  });

  it('totals: 4 wallets of 10,000 equity; assets 55,000·3 + 50,000', () => {
    expect(m.totals).toEqual({ assetsUsd: '215000', liabilitiesUsd: '175000', equityUsd: '40000' });
  });

  it('counts per status and rule', () => {
    // a: its LiquidationLoan proves it bound (BOUND_LIQUIDATION_LOAN). c, d: ML 11/9 → MARGIN_CALL; b: 50,000/40,000 = 1.25 → MARGIN_CALL; a: a LiquidationLoan outstanding;
    // e: MM 0 but a bankruptcy loan outstanding → BANKRUPTED, never "no debt".
    expect(m.counts.byStatus).toMatchObject({ MARGIN_CALL: 3, LOAN_OUTSTANDING: 1, BANKRUPTED: 1, NO_DEBT: 0, NORMAL: 0, LIQUIDATING: 0 });
    expect(m.counts.byRule).toMatchObject({ BOUND_SPECIAL_KEY: 1, BOUND_LIQUIDATION_LOAN: 1, NOT_BOUND: 1, UNSUPPORTED_PRODUCT: 1, PM_PRO_BOUND: 1 });
    expect([m.counts.bound, m.counts.notBound, m.counts.unknown]).toEqual([3, 1, 1]);
  });

  it('nearest to liquidation: −10 % (a, c, d) before +13.6 % (b)', () => {
    expect(m.nearestToLiquidation.map((r) => r.accountId)).toEqual(['a', 'c', 'd']);
    expect(distanceToLiquidation({ shock: 0.045, direction: 'DOWN' })).toBe(0); // already past the bar
    expect(distanceToLiquidation({ shock: -0.1, direction: 'DOWN' })).toBe(0.1);
  });

  it('ranks an isolated pair by its own liquidation, named, beside whole accounts', () => {
    // Pair: 1 BTC at 50,000 against 44,000 USDT borrowed, bar 1.1: 50,000(1+s) = 1.1 × 44,000 → s = −0.032.
    const pair = { symbol: 'BTCUSDT', liquidateBar: '1.1',
      base: { asset: 'BTC', totalAsset: '1', borrowed: '0', interest: '0', priceUsd: '50000' },
      quote: { asset: 'USDT', totalAsset: '0', borrowed: '44000', interest: '0', priceUsd: '1' } };
    const iso = evaluateAccount(account({ accountId: 'g', email: 'g@x', assets: [asset('USDT', { free: '1000', price: '1' })], isolatedPairs: [pair] }));
    const ranked = aggregateMaster([...desk, iso], { nearestCount: 2 }).nearestToLiquidation;
    expect(ranked.map((r) => [r.accountId, r.pair])).toEqual([['g', 'BTCUSDT'], ['a', null]]);
    expect(ranked[0]!.liquidation.shock).toBeCloseTo(-0.032, 9);
  });

  it('refuses results evaluated on different grids', () => {
    const other = evaluateAccount(account({ accountId: 'z' }), makeRiskConfig({ shocks: [-0.1] }));
    expect(() => aggregateMaster([...desk, other])).toThrow(ShockGridMismatchError);
  });

  it('no accounts: an empty, well-formed view', () => {
    expect(aggregateMaster([])).toMatchObject({ accountCount: 0, shocks: [], curve: [], totals: { assetsUsd: '0' } });
  });
});

const inputArb: fc.Arbitrary<AccountRiskInput> = fc
  .record({
    mode: fc.constantFrom('CROSS_CLASSIC', 'CROSS_PRO', 'PM_PRO', 'UNKNOWN'),
    dataAvailable: fc.boolean(),
    everCreated: fc.boolean(),
    activeCount: fc.integer({ min: 0, max: 3 }),
    assets: assetsArb,
    loan: fc.option(fc.integer({ min: 0, max: 10 ** 9 }).map((n) => new Dec(n).div(100).toFixed())),
  })
  .map((r) =>
    account({
      mode: r.mode,
      dataAvailable: r.dataAvailable,
      specialKeys: { everCreated: r.everCreated || r.activeCount > 0, activeCount: r.activeCount, exitConfirmedAt: null },
      assets: r.assets,
      outstandingLoans: r.loan === null ? [] : [{ kind: 'LIQUIDATION_LOAN', asset: 'USDT', remaining: r.loan, valueUsd: r.loan }],
    }),
  );

describe('aggregation equals the sum of its parts (property)', () => {
  it('curve, totals, loans and counts', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 12 }), (inputs) => {
        const risks = inputs.map((input, i) => evaluateAccount({ ...input, accountId: `acc-${i}` }));
        const m = aggregateMaster(risks, { topContributors: 100 });
        m.curve.forEach((p, i) => {
          const owedParts = risks.filter((r) => r.applicability.bound === true).map((r) => r.curve[i]!.deficit);
          const sum = owedParts.reduce((a, b) => a + b, 0);
          expect(p.owed).toBe(sum); // same order of addition: equal to the last bit
          // Every contributor listed; summed in another order, so equal up to float rounding.
          expect(Math.abs(p.top.reduce((a, c) => a + c.owed, 0) - sum)).toBeLessThanOrEqual(1e-12 * Math.max(1, sum));
          expect(p.top.every((c, k) => k === 0 || p.top[k - 1]!.owed >= c.owed)).toBe(true);
        });
        const exact = (pick: (t: (typeof risks)[number]) => string) => risks.reduce((a, r) => a.plus(pick(r)), new Dec(0)).toFixed();
        expect(m.totals.assetsUsd).toBe(exact((r) => r.totals.assetsUsd));
        expect(m.totals.equityUsd).toBe(exact((r) => r.totals.equityUsd));
        expect(m.outstandingLoans.totalUsd).toBe(exact((r) => r.outstandingLoanUsd));
        expect(Object.values(m.counts.byStatus).reduce((a, b) => a + b, 0)).toBe(risks.length);
        expect(Object.values(m.counts.byRule).reduce((a, b) => a + b, 0)).toBe(risks.length);
      }),
      { numRuns: 60 },
    );
  });
});
