import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG, makeRiskConfig } from './config';
import { evaluateAccount } from './evaluate';
import { account, asset } from './test-support';
import type { AccountRiskInput } from './types';

// The long wallet of every row: 10,000 USDT own money, 45,000 USDT borrowed, 1.1 BTC at 50,000 bought.
// A = 55,000·(1+s), L = 45,000; ML = 11/9; bars 1.3 / 1.1 → MARGIN_CALL.
// D(−0.40) = 45,000 − 33,000·0.99 = 12,330; D(−0.20) = 45,000 − 44,000·0.99 = 1,440; D(0) = 0.
const longWallet = [asset('BTC', { free: '1.1', price: '50000' }), asset('USDT', { borrowed: '45000', price: '1' })];
const at = (shock: number) => DEFAULT_RISK_CONFIG.shocks.indexOf(shock);

type Row = {
  name: string;
  input: Partial<AccountRiskInput>;
  rule: string;
  consequence: string;
  owedAt40: number;
};

const rows: Row[] = [
  { name: '§1.2 row 1: Classic, terms signed, special key created → owes D(s)', input: { specialKeys: { everCreated: true, activeCount: 1, exitConfirmedAt: null } }, rule: 'BOUND_SPECIAL_KEY', consequence: 'LOAN_OWED', owedAt40: 12330 },
  { name: '§1.2 row 2: Classic, terms not signed → standard liquidation', input: { termsSigned: false }, rule: 'NOT_BOUND', consequence: 'COLLATERAL_LOST', owedAt40: 0 },
  { name: '§1.2 row 2: Classic, no special key created → standard liquidation', input: {}, rule: 'NOT_BOUND', consequence: 'COLLATERAL_LOST', owedAt40: 0 },
  { name: '§1.2 row 3: PM Pro → bankruptcy loan', input: { mode: 'PM_PRO', bars: null, pmPro: { accountEquity: '10000', accountMaintMargin: '8000', accountStatus: 'NORMAL' } }, rule: 'PM_PRO_BOUND', consequence: 'LOAN_OWED', owedAt40: 12330 },
  { name: 'keys deleted, exit not confirmed → still owes', input: { specialKeys: { everCreated: true, activeCount: 0, exitConfirmedAt: null } }, rule: 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED', consequence: 'LOAN_OWED', owedAt40: 12330 },
  { name: 'exit confirmed → released', input: { specialKeys: { everCreated: true, activeCount: 0, exitConfirmedAt: '2025-03-01T10:00:00Z' } }, rule: 'NOT_BOUND', consequence: 'COLLATERAL_LOST', owedAt40: 0 },
  { name: 'Cross Pro → unsupported, unknown consequence', input: { mode: 'CROSS_PRO' }, rule: 'UNSUPPORTED_PRODUCT', consequence: 'UNKNOWN', owedAt40: 0 },
  { name: 'no key stored → unknown', input: { dataAvailable: false, specialKeys: { everCreated: false, activeCount: 0, exitConfirmedAt: null } }, rule: 'UNKNOWN_NO_KEY', consequence: 'UNKNOWN', owedAt40: 0 },
];

describe('evaluateAccount: one row per docs/domain.md#liquidationloan case, same wallet', () => {
  it.each(rows)('$name', ({ input, rule, consequence, owedAt40 }) => {
    const r = evaluateAccount(account({ assets: longWallet, ...input }), DEFAULT_RISK_CONFIG);
    expect(r.applicability.rule).toBe(rule);
    expect(r.consequence).toBe(consequence);
    // The deficit itself does not depend on the rule; only who bears it does.
    expect(r.curve[at(-0.4)]!.deficit).toBeCloseTo(12330, 6);
    expect(r.curve[at(-0.4)]!.owed).toBeCloseTo(owedAt40, 6);
    expect(r.curve[at(-0.2)]!.owed).toBeCloseTo(owedAt40 === 0 ? 0 : 1440, 6);
    expect(r.curve[at(0)]!).toMatchObject({ deficit: 0, owed: 0, collateralLost: 0 });
    expect(r.curve[at(-0.4)]!.collateralLost).toBeCloseTo(10000, 6);
    expect(r.totals).toEqual({ assetsUsd: '55000', liabilitiesUsd: '45000', equityUsd: '10000' });
  });
});

describe('evaluateAccount: status, level and shocks per product', () => {
  it('Cross Classic: exact ML and status against its bars; liquidation at −10 %', () => {
    const r = evaluateAccount(account({ assets: longWallet }));
    expect(r.marginLevel).toBe('1.2222222222222222222');
    expect(r.status).toBe('MARGIN_CALL');
    expect(r.shocks.liquidation).toEqual({ direction: 'DOWN', shock: expect.closeTo(-0.1, 12) }); // 55,000x = 49,500
    expect(r.pmPro).toBeNull();
  });

  it('Cross Classic without bars: status UNKNOWN and no liquidation shock, bankruptcy still known', () => {
    const r = evaluateAccount(account({ assets: longWallet, bars: null }));
    expect(r.status).toBe('UNKNOWN');
    expect(r.shocks.liquidation).toBeNull();
    expect(r.shocks.bankruptcy!.shock).toBeCloseTo(-2 / 11, 12); // 55,000x = 45,000
  });

  it('PM Pro: our uniMMR tiers 1.20 / 1.05 / 1.00; the status is the exchange\'s accountStatus', () => {
    const pm = (equity: string, mm: string, accountStatus = 'NORMAL') =>
      evaluateAccount(account({ mode: 'PM_PRO', assets: longWallet, bars: null, pmPro: { accountEquity: equity, accountMaintMargin: mm, accountStatus } }));
    // 10,000 / 8,000 = 1.25 > 1.20.
    expect(pm('10000', '8000')).toMatchObject({ status: 'NORMAL', marginLevel: null, pmPro: { uniMMR: '1.25', tier: 'NORMAL', accountStatus: 'NORMAL' } });
    // 10,000 / 8,400 = 1.190… ≤ 1.20.
    expect(pm('10000', '8400').pmPro!.tier).toBe('REDUCE_ONLY');
    // 10,500 / 10,000 = 1.05 exactly: liquidation tier.
    expect(pm('10500', '10000').pmPro!.tier).toBe('LIQUIDATION');
    // 9,000 / 10,000 = 0.9 ≤ 1.00.
    expect(pm('9000', '10000').pmPro!.tier).toBe('CLAIM');
    // desk-echo: uniMMR 1.2275 is above our 1.20 tier, Binance reports MARGIN_CALL: Binance's word is shown.
    expect(pm('1160000', '945000', 'MARGIN_CALL')).toMatchObject({ status: 'MARGIN_CALL', statusSource: 'Binance accountStatus MARGIN_CALL', pmPro: { tier: 'NORMAL' } });
    // A status string never seen is unknown, never normal.
    expect(pm('10000', '8000', 'X').status).toBe('UNKNOWN');
    // No maintenance margin but the wallet borrows 45,000 USDT: never "No debt".
    expect(pm('10000', '0')).toMatchObject({ status: 'NORMAL', pmPro: { uniMMR: null, tier: 'NO_DEBT' } });
    // Liquidation shock: 10,000 + 55,000·s = 1.05·8,000 → s = −1,600/55,000.
    expect(pm('10000', '8000').shocks.liquidation!.shock).toBeCloseTo(-1600 / 55000, 12);
  });

  it('PM Pro not yet read: status UNKNOWN while it has debt', () => {
    const r = evaluateAccount(account({ mode: 'PM_PRO', assets: longWallet, pmPro: null }));
    expect(r.status).toBe('UNKNOWN');
    expect(r.applicability.bound).toBe(true);
  });

  it('isolated pair on a bound account: per pair, never owed', () => {
    // BTCUSDT: 5,000 USDT own, 20,000 USDT borrowed, 0.5 BTC at 50,000. A = 25,000x, L = 20,000.
    const r = evaluateAccount(
      account({
        specialKeys: { everCreated: true, activeCount: 1, exitConfirmedAt: null },
        isolatedPairs: [
          {
            symbol: 'BTCUSDT',
            base: { asset: 'BTC', totalAsset: '0.5', borrowed: '0', interest: '0', priceUsd: '50000' },
            quote: { asset: 'USDT', totalAsset: '0', borrowed: '20000', interest: '0', priceUsd: '1' },
            liquidateBar: '1.1',
            marginLevel: '1.25',
          },
        ],
      }),
    );
    const pair = r.isolatedPairs[0]!;
    expect(pair).toMatchObject({ symbol: 'BTCUSDT', rule: 'ISOLATED_NEVER', marginLevel: '1.25', reportedMarginLevel: '1.25', status: 'NORMAL' });
    expect(pair.shocks.liquidation!.shock).toBeCloseTo(-0.12, 12); // 25,000x = 22,000
    expect(pair.shocks.bankruptcy!.shock).toBeCloseTo(-0.2, 12); // 25,000x = 20,000
    // D(−0.40) = 20,000 − 15,000·0.99 = 5,150, lost, not owed.
    expect(pair.curve[at(-0.4)]).toMatchObject({ deficit: expect.closeTo(5150, 6), owed: 0, collateralLost: expect.closeTo(5000, 6) });
    // The account's own (empty) cross wallet owes nothing.
    expect(r.curve.every((p) => p.owed === 0)).toBe(true);
    expect(r.status).toBe('NO_DEBT');
    expect(r.marginLevel).toBeNull();
  });

  it('outstanding loans summed exactly: 100.5 + 0.1 + 0.2', () => {
    const r = evaluateAccount(
      account({
        outstandingLoans: [
          { kind: 'LIQUIDATION_LOAN', asset: 'USDT', remaining: '100.5', valueUsd: '100.5' },
          { kind: 'LIQUIDATION_LOAN', asset: 'USDC', remaining: '0.1', valueUsd: '0.1' },
          { kind: 'LIQUIDATION_LOAN', asset: 'USDC', remaining: '0.2', valueUsd: '0.2' },
        ],
      }),
    );
    expect(r.outstandingLoanUsd).toBe('100.8');
  });

  it('honours a configured grid, cost and stable list', () => {
    // BTC declared stable: the wallet no longer moves, so no shock crosses anything and D stays 0.
    const config = makeRiskConfig({ shocks: [-0.5, 0.5], liquidationCost: 0.02, stableAssets: ['USDT', 'BTC'] });
    const r = evaluateAccount(account({ assets: longWallet }), config);
    expect(r.curve.map((p) => p.shock)).toEqual([-0.5, 0.5]);
    expect(r.shocks).toEqual({ liquidation: null, bankruptcy: null, deficitOnset: null });
    expect(r.curve.every((p) => p.deficit === 0)).toBe(true);
  });

  it('result survives a JSON round trip unchanged (stored once per refresh)', () => {
    const r = evaluateAccount(account({ assets: longWallet, specialKeys: { everCreated: true, activeCount: 1, exitConfirmedAt: null } }));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
