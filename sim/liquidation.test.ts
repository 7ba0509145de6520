import { afterEach, describe, expect, it } from 'vitest';
import type { LiquidationEvent } from './liquidation';
import type { Scenario } from './scenario';
import { type RunningSimulator, startSimulator } from './server';
import { control, obj, signed } from './testing/client';
import { creds, liquidationScenario, longBtc, normalKey, specialKey } from './testing/scenarios';

/*
 * Every leveraged account below holds 10 BTC at 100,000 against 800,000 USDT borrowed:
 *   A = 1,000,000   L = 800,000   ML = 1.25 (> 1.1 bar)
 * A −30% shock takes BTC to 70,000:
 *   A = 700,000   ML = 700,000 / 800,000 = 0.875 ≤ 1.1 → liquidation
 *   proceeds = A·(1 − f) = 700,000 × 0.99 = 693,000
 *   deficit D = L − proceeds = 800,000 − 693,000 = 107,000
 */
const DEFICIT = '107000.00000000';

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function shock(scenario: Scenario, s: string): Promise<LiquidationEvent[]> {
  sim = await startSimulator({ port: 0, scenario });
  const res = await control(sim.url, 'POST', 'prices', { shock: s });
  expect(res.status).toBe(200);
  return obj(res).liquidations as LiquidationEvent[];
}

async function read(scenario: Scenario, keyName: string, path: string) {
  if (!sim) throw new Error('no simulator');
  return obj(await signed(sim.url, creds(scenario, keyName), 'GET', path));
}

describe('Cross Margin Classic (docs/domain.md#liquidationloan rows 1 and 2)', () => {
  it('turns the deficit of a bound account (terms signed + special key) into a USDC LiquidationLoan', async () => {
    const s = liquidationScenario([{ subUserId: 2, email: 'bound@test.example', assets: longBtc, keys: [normalKey('bound-read'), specialKey('bound-hft')] }]);
    const events = await shock(s, '-0.3');
    expect(events).toMatchObject([{ email: 'bound@test.example', kind: 'CROSS', outcome: 'LIQUIDATION_LOAN', deficitUsd: '107000' }]);
    expect(await read(s, 'bound-read', '/sapi/v1/margin/liquidation-loan')).toEqual({
      asset: 'USDC',
      amount: DEFICIT,
      repaidAmount: '0.00000000',
      remainingAmount: DEFICIT,
    });
    // Everything was sold: no assets, no liabilities, no margin level left.
    const account = await read(s, 'bound-read', '/sapi/v1/margin/account');
    expect(account.marginLevel).toBe('999');
    expect(account.totalAssetOfBtc).toBe('0.00000000');
    const rec = await read(s, 'bound-read', '/sapi/v1/margin/forceLiquidationRec');
    // 10 BTC sold at 70,000 less 1% = 69,300.
    expect(rec).toMatchObject({ total: 1, rows: [{ symbol: 'BTCUSDT', side: 'SELL', qty: '10.00000000', price: '70000.00000000', avgPrice: '69300.00000000', isIsolated: false }] });
  });

  it('still binds an account whose special keys were deleted but which never exited', async () => {
    const s = liquidationScenario([
      {
        subUserId: 2,
        email: 'deleted@test.example',
        assets: longBtc,
        keys: [normalKey('deleted-read')],
        deletedSpecialKeys: [{ apiKey: 'K'.repeat(64), apiName: 'old-hft', createdAt: '-30d', deletedAt: '-1d' }],
      },
    ]);
    expect((await shock(s, '-0.3'))[0]?.outcome).toBe('LIQUIDATION_LOAN');
    expect((await read(s, 'deleted-read', '/sapi/v1/margin/liquidation-loan')).remainingAmount).toBe(DEFICIT);
  });

  it('writes the deficit off when no special key was ever created (standard liquidation)', async () => {
    const s = liquidationScenario([{ subUserId: 2, email: 'plain@test.example', assets: longBtc, keys: [normalKey('plain-read')] }]);
    expect(await shock(s, '-0.3')).toMatchObject([{ outcome: 'WRITTEN_OFF', deficitUsd: '107000' }]);
    expect(await read(s, 'plain-read', '/sapi/v1/margin/liquidation-loan')).toEqual({});
    expect((await read(s, 'plain-read', '/sapi/v1/margin/forceLiquidationRec')).total).toBe(1);
  });

  it('writes the deficit off when the terms are not signed, even with a special key', async () => {
    const s = liquidationScenario([{ subUserId: 2, email: 'unsigned@test.example', assets: longBtc, keys: [normalKey('unsigned-read'), specialKey('unsigned-hft')] }], false);
    expect((await shock(s, '-0.3'))[0]?.outcome).toBe('WRITTEN_OFF');
    expect(await read(s, 'unsigned-read', '/sapi/v1/margin/liquidation-loan')).toEqual({});
  });

  it('writes the deficit off for an account that exited special-key mode', async () => {
    const s = liquidationScenario([
      {
        subUserId: 2,
        email: 'exited@test.example',
        assets: longBtc,
        keys: [normalKey('exited-read')],
        deletedSpecialKeys: [{ apiKey: 'E'.repeat(64), apiName: 'gone', createdAt: '-30d', deletedAt: '-3d' }],
        exitedAt: '-3d',
      },
    ]);
    expect((await shock(s, '-0.3'))[0]?.outcome).toBe('WRITTEN_OFF');
  });

  it('liquidates a short book on an upward shock: 10 BTC borrowed against 1,300,000 USDT', async () => {
    // ML = 1,300,000 / 1,000,000 = 1.3. At +30%: L = 1,300,000, ML = 1.0 ≤ 1.1.
    // proceeds = 1,300,000 × 0.99 = 1,287,000; D = 1,300,000 − 1,287,000 = 13,000 → loan (bound).
    const s = liquidationScenario([
      {
        subUserId: 2,
        email: 'short@test.example',
        assets: [{ asset: 'USDT', free: '1300000' }, { asset: 'BTC', free: '0', borrowed: '10' }],
        keys: [normalKey('short-read'), specialKey('short-hft')],
      },
    ]);
    expect(await shock(s, '0.3')).toMatchObject([{ outcome: 'LIQUIDATION_LOAN', deficitUsd: '13000' }]);
    expect((await read(s, 'short-read', '/sapi/v1/margin/liquidation-loan')).amount).toBe('13000.00000000');
    const rec = await read(s, 'short-read', '/sapi/v1/margin/forceLiquidationRec');
    expect(rec).toMatchObject({ rows: [{ symbol: 'BTCUSDT', side: 'BUY', qty: '10.00000000', price: '130000.00000000' }] });
  });

  it('does nothing above the bar: −10% leaves ML = 900,000 / 800,000 = 1.125', async () => {
    const s = liquidationScenario([{ subUserId: 2, email: 'safe@test.example', assets: longBtc, keys: [normalKey('safe-read'), specialKey('safe-hft')] }]);
    expect(await shock(s, '-0.1')).toEqual([]);
    expect((await read(s, 'safe-read', '/sapi/v1/margin/account')).marginLevel).toBe('1.12500000');
  });

  it('keeps the remainder when the liquidation covers the debt: −15% → 850,000 × 0.99 − 800,000 = 41,500 USDT', async () => {
    const s = liquidationScenario([{ subUserId: 2, email: 'cover@test.example', assets: longBtc, keys: [normalKey('cover-read')] }]);
    expect(await shock(s, '-0.15')).toMatchObject([{ outcome: 'NO_DEFICIT', deficitUsd: '0' }]);
    const account = await read(s, 'cover-read', '/sapi/v1/margin/account');
    expect(account.userAssets).toEqual([{ asset: 'USDT', borrowed: '0.00000000', free: '41500.00000000', interest: '0.00000000', locked: '0.00000000', netAsset: '41500.00000000' }]);
  });
});

describe('Portfolio Margin Pro (row 3)', () => {
  it('liquidates at uniMMR ≤ 1.05 and books the deficit as a bankruptcy loan, terms or not', async () => {
    // Before: equity 200,000, MM = 10% × 800,000 = 80,000, uniMMR 2.5.
    // At −30%: equity = 700,000 − 800,000 = −100,000 → liquidation; D = 800,000 − 693,000 = 107,000.
    const s = liquidationScenario(
      [
        {
          subUserId: 2,
          email: 'pm@test.example',
          mode: 'PORTFOLIO_MARGIN_PRO',
          portfolio: { maintMarginRate: '0.1' },
          assets: longBtc,
          keys: [normalKey('pm-read')],
        },
      ],
      false,
    );
    sim = await startSimulator({ port: 0, scenario: s });
    expect((await read(s, 'pm-read', '/sapi/v1/portfolio/account')).uniMMR).toBe('2.50000000');
    await sim.close();
    expect(await shock(s, '-0.3')).toMatchObject([{ kind: 'PORTFOLIO_MARGIN_PRO', outcome: 'BANKRUPTCY_LOAN', deficitUsd: '107000' }]);
    expect(await read(s, 'pm-read', '/sapi/v1/portfolio/pmLoan')).toEqual({ asset: 'USDT', amount: DEFICIT });
    expect((await read(s, 'pm-read', '/sapi/v1/portfolio/account')).accountStatus).toBe('BANKRUPTED');
    expect(await read(s, 'pm-read', '/sapi/v1/margin/liquidation-loan')).toEqual({});
  });
});

describe('Isolated Margin (row 4)', () => {
  it('liquidates a pair on its own and never creates a loan, even on a bound account', async () => {
    // BTCUSDT pair: 10 BTC against 800,000 USDT. At −30% the pair's deficit of 107,000 is written off.
    const s = liquidationScenario([
      {
        subUserId: 2,
        email: 'iso@test.example',
        assets: [{ asset: 'USDT', free: '50000' }],
        isolated: [{ symbol: 'BTCUSDT', base: { asset: 'BTC', free: '10' }, quote: { asset: 'USDT', free: '0', borrowed: '800000' } }],
        keys: [normalKey('iso-read'), specialKey('iso-hft')],
      },
    ]);
    expect(await shock(s, '-0.3')).toMatchObject([{ kind: 'ISOLATED', symbol: 'BTCUSDT', outcome: 'WRITTEN_OFF', deficitUsd: '107000' }]);
    expect(await read(s, 'iso-read', '/sapi/v1/margin/liquidation-loan')).toEqual({});
    // The cross wallet is untouched.
    expect((await read(s, 'iso-read', '/sapi/v1/margin/account')).totalAssetOfBtc).toBe('0.71428571');
    const rec = await read(s, 'iso-read', '/sapi/v1/margin/forceLiquidationRec');
    expect(rec).toMatchObject({ rows: [{ symbol: 'BTCUSDT', side: 'SELL', isIsolated: true }] });
  });

  it('reports the pair liquidation price: (1.1 × 800,000) / 10 = 88,000', async () => {
    const s = liquidationScenario([
      {
        subUserId: 2,
        email: 'iso2@test.example',
        isolated: [{ symbol: 'BTCUSDT', base: { asset: 'BTC', free: '10' }, quote: { asset: 'USDT', free: '0', borrowed: '800000' } }],
        keys: [normalKey('iso2-read')],
      },
    ]);
    sim = await startSimulator({ port: 0, scenario: s });
    const iso = await read(s, 'iso2-read', '/sapi/v1/margin/isolated/account');
    expect(iso.assets).toMatchObject([{ symbol: 'BTCUSDT', marginLevel: '1.25000000', liquidatePrice: '88000.00000000', marginLevelStatus: 'MARGIN_CALL' }]);
  });
});
