import { MainClient } from 'binance';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UNPUBLISHED_CODES } from './errors';
import { parseScenario, type Scenario } from './scenario';
import { type RunningSimulator, startSimulator } from './server';
import { control } from './testing/client';
import { creds, demo, ed25519Key } from './testing/scenarios';

/*
 * Contract tests with an independent client nobody here wrote: the `binance` SDK, pointed at the simulator.
 * If its signing and our verification disagree, or a documented field is missing, these fail.
 */
let sim: RunningSimulator;
let scenario: Scenario;
const edAlpha = ed25519Key('alpha-ed25519-sdk', 'normal');

beforeAll(async () => {
  const base = await demo();
  scenario = parseScenario({
    ...base,
    subAccounts: base.subAccounts.map((s) => (s.email === 'desk-alpha@fundx.example' ? { ...s, keys: [...s.keys, edAlpha] } : s)),
  });
  sim = await startSimulator({ port: 0, scenario });
});
afterAll(() => sim.close());
beforeEach(() => control(sim.url, 'POST', 'reset'));

function client(keyName: string): MainClient {
  const k = creds(scenario, keyName);
  return new MainClient({ api_key: k.apiKey, api_secret: k.secretKey ?? k.privateKey, baseUrl: sim.url });
}

const decimalString = expect.stringMatching(/^-?\d+(\.\d+)?$/);

describe('binance SDK against the simulator: public and spot', () => {
  // getServerTime is not covered: the SDK sends it to its own hard-coded host, whatever baseUrl says.
  it('getSymbolPriceTicker (one symbol, all symbols)', async () => {
    const c = client('alpha-monitor');
    expect(await c.getSymbolPriceTicker({ symbol: 'ETHUSDT' })).toEqual({ symbol: 'ETHUSDT', price: '3400.00000000' });
    const all = (await c.getSymbolPriceTicker()) as Array<{ symbol: string }>;
    expect(all.map((t) => t.symbol)).toContain('SOLUSDT');
  });

  it('submitNewOrder with a special key (HMAC) and with an Ed25519 special key', async () => {
    const order = await client('alpha-hft-01').submitNewOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 0.1 });
    expect(order).toMatchObject({ symbol: 'BTCUSDT', orderId: expect.any(Number), transactTime: expect.any(Number) });
    const ed = await client('echo-hft-ed25519').submitNewOrder({ symbol: 'ETHUSDT', side: 'SELL', type: 'MARKET', quantity: 1 });
    expect(ed).toMatchObject({ symbol: 'ETHUSDT' });
  });

  it('rejects a special key on /sapi through the SDK too (-2015)', async () => {
    await expect(client('alpha-hft-01').queryCrossMarginAccountDetails()).rejects.toMatchObject({ code: -2015 });
  });
});

describe('binance SDK against the simulator: margin', () => {
  it('queryCrossMarginAccountDetails (HMAC and Ed25519 keys)', async () => {
    for (const name of ['alpha-monitor', 'alpha-ed25519-sdk']) {
      const a = await client(name).queryCrossMarginAccountDetails();
      expect(a).toMatchObject({
        created: true,
        borrowEnabled: true,
        // 17,740,000 / 7,001,250.5 = 2.533833063…
        marginLevel: '2.53383306',
        totalAssetOfBtc: decimalString,
        totalLiabilityOfBtc: decimalString,
        totalNetAssetOfBtc: decimalString,
        tradeEnabled: true,
        transferInEnabled: true,
        transferOutEnabled: true,
        accountType: 'MARGIN_1',
      });
      expect(a.userAssets.find((u) => u.asset === 'BTC')).toEqual({ asset: 'BTC', borrowed: '0.00000000', free: '118.00000000', interest: '0.00000000', locked: '2.00000000', netAsset: '120.00000000' });
    }
  });

  it('getMarginSummary (tradeCoeff)', async () => {
    expect(await client('india-monitor').getMarginSummary()).toEqual({ normalBar: '1.25', marginCallBar: '1.15', forceLiquidationBar: '1.05' });
  });

  it('getIsolatedMarginAccountInfo', async () => {
    const iso = await client('golf-monitor').getIsolatedMarginAccountInfo();
    const btc = iso.assets.find((a) => a.symbol === 'BTCUSDT');
    expect(btc).toMatchObject({ marginLevel: '1.15476190', marginLevelStatus: 'MARGIN_CALL', liquidatePrice: '92400.00000000', indexPrice: '97000.00000000' });
    expect(btc?.baseAsset).toMatchObject({ asset: 'BTC', totalAsset: '50.00000000', netAssetOfBtc: '50.00000000' });
    expect(iso).toMatchObject({ totalAssetOfBtc: decimalString, totalLiabilityOfBtc: decimalString, totalNetAssetOfBtc: decimalString });
  });

  it('getMarginForceLiquidationRecord', async () => {
    const rec = await client('delta-monitor').getMarginForceLiquidationRecord({ size: 100 });
    expect(rec.total).toBe(2);
    expect(rec.rows[0]).toMatchObject({ symbol: expect.any(String), side: 'SELL', avgPrice: decimalString, executedQty: decimalString, orderId: expect.any(Number), updatedTime: expect.any(Number) });
  });

  it('queryMarginPriceIndex', async () => {
    expect(await client('alpha-monitor').queryMarginPriceIndex({ symbol: 'BNBUSDT' })).toMatchObject({ symbol: 'BNBUSDT', price: '650.00000000', calcTime: expect.any(Number) });
  });

  it('submitMarginAccountBorrowRepay borrows and repays', async () => {
    const c = client('alpha-trading');
    const borrow = await c.submitMarginAccountBorrowRepay({ asset: 'USDT', amount: 10000, isIsolated: 'FALSE', symbol: 'BTCUSDT', type: 'BORROW' });
    expect(borrow).toEqual({ tranId: expect.any(Number) });
    const repay = await c.submitMarginAccountBorrowRepay({ asset: 'USDT', amount: 10000, isIsolated: 'FALSE', symbol: 'BTCUSDT', type: 'REPAY' });
    expect(repay).toEqual({ tranId: expect.any(Number) });
    const usdt = (await c.queryCrossMarginAccountDetails()).userAssets.find((u) => u.asset === 'USDT');
    // Borrowed 7,000,000 + 10,000 = 7,010,000; the 10,000 repaid covers the 1,250.5 interest first, then
    // 8,749.5 of principal: 7,010,000 − 8,749.5 = 7,001,250.5.
    expect(usdt).toMatchObject({ borrowed: '7001250.50000000', interest: '0.00000000', free: '1000000.00000000' });
  });
});

describe('binance SDK against the simulator: special keys and LiquidationLoan', () => {
  it('create / get / list / update ip / delete special keys', async () => {
    const c = client('charlie-trading');
    const created = await c.createMarginSpecialLowLatencyKey({ apiName: 'charlie-sdk', ip: '203.0.113.10' });
    expect(created).toMatchObject({ apiKey: expect.stringMatching(/^[A-Za-z0-9]{64}$/), secretKey: expect.any(String), type: 'HMAC_SHA256' });
    expect(await c.getMarginSpecialLowLatencyKey({ apiKey: created.apiKey })).toEqual({ apiKey: created.apiKey, ip: '203.0.113.10', apiName: 'charlie-sdk', type: 'HMAC_SHA256', permissionMode: 'TRADE' });
    await c.updateMarginIPForSpecialLowLatencyKey({ apiKey: created.apiKey, ip: '203.0.113.10,203.0.113.20' });
    const list = await c.getMarginSpecialLowLatencyKeys({});
    expect(list).toEqual([expect.objectContaining({ apiKey: created.apiKey, ip: '203.0.113.10,203.0.113.20' })]);
    expect(await c.deleteMarginSpecialLowLatencyKey({ apiKey: created.apiKey })).toEqual({});
    expect(await c.getMarginSpecialLowLatencyKeys({})).toEqual([]);
  });

  it('creates an Ed25519 special key from a public key', async () => {
    const pem = ed25519Key('charlie-ed-special', 'special').publicKey ?? '';
    const created = await client('charlie-trading').createMarginSpecialLowLatencyKey({ apiName: 'charlie-ed', publicKey: pem, permissionMode: 'READ' } as never);
    expect(created).toMatchObject({ secretKey: null, type: 'Ed25519' });
  });

  it('getMarginLiquidationLoan / repayMarginLiquidationLoan / getMarginLiquidationLoanRepayHistory', async () => {
    const c = client('delta-monitor');
    expect(await c.getMarginLiquidationLoan()).toEqual({ asset: 'USDC', amount: '185000.00000000', repaidAmount: '35000.00000000', remainingAmount: '150000.00000000' });
    expect(await c.repayMarginLiquidationLoan({ asset: 'USDC', amount: '50000' } as never)).toMatchObject({ asset: 'USDC', amount: '50000.00000000', status: 'SUCCESS', repayId: expect.any(Number) });
    expect(await c.getMarginLiquidationLoan()).toMatchObject({ repaidAmount: '85000.00000000', remainingAmount: '100000.00000000' });
    expect(await c.getMarginLiquidationLoanRepayHistory({} as never)).toMatchObject({ total: 1, rows: [{ asset: 'USDC', amount: '50000.00000000', status: 'SUCCESS' }] });
  });

  it('exitMarginSpecialKeyMode answers {} even when not in special-key mode', async () => {
    expect(await client('charlie-trading').exitMarginSpecialKeyMode()).toEqual({});
    // Binance publishes no code for this refusal: only "refused, with one of the simulator's own codes".
    const refused = (await client('bravo-monitor').exitMarginSpecialKeyMode().catch((e: unknown) => e)) as { code: number };
    expect(UNPUBLISHED_CODES.has(refused.code)).toBe(true);
  });
});

describe('binance SDK against the simulator: PM Pro, sub-accounts, key permissions', () => {
  it('getPortfolioMarginProAccountInfo / getPortfolioMarginProBankruptcyLoanAmount / repay', async () => {
    const echo = await client('echo-monitor').getPortfolioMarginProAccountInfo();
    expect(echo).toMatchObject({ uniMMR: '1.22751322', accountEquity: '1160000.00000000', accountMaintMargin: '945000.00000000', accountStatus: 'MARGIN_CALL', accountType: 'PM_1' });
    const fox = client('foxtrot-monitor');
    expect(await fox.getPortfolioMarginProBankruptcyLoanAmount()).toEqual({ asset: 'USDT', amount: '42000.00000000' });
    expect(await fox.repayPortfolioMarginProBankruptcyLoan({ from: 'SPOT' } as never)).toEqual({ tranId: expect.any(Number) });
    expect(await fox.getPortfolioMarginProBankruptcyLoanAmount()).toEqual({ asset: 'USDT', amount: '0.00000000' });
  });

  it('getSubAccountList pages with Binance defaults (limit 1) and returns every sub with limit 200', async () => {
    const m = client('marginwatch-master-read');
    expect((await m.getSubAccountList()).subAccounts).toHaveLength(1);
    const all = await m.getSubAccountList({ limit: 200 } as never);
    expect(all.subAccounts).toHaveLength(scenario.subAccounts.length);
    expect(all.subAccounts[0]).toEqual({ subUserId: 20000001, email: 'desk-alpha@fundx.example', remark: 'BTC/ETH basis desk', isFreeze: false, createTime: expect.any(Number), isManagedSubAccount: false, isAssetManagementSubAccount: false });
  });

  it('getSubAccountsSummaryOfMarginAccount / getSubAccountDetailOnMarginAccount', async () => {
    const m = client('marginwatch-master-read');
    const summary = await m.getSubAccountsSummaryOfMarginAccount();
    expect(summary.subAccountList).toHaveLength(scenario.subAccounts.length);
    // The SDK types subAccountList as one object; Binance (and the simulator) send an array.
    const rows = summary.subAccountList as unknown as Array<{ totalAssetOfBtc: string }>;
    const rowSum = rows.reduce((acc, r) => acc + Math.round(Number(r.totalAssetOfBtc) * 1e8), 0);
    expect(Math.round(Number(summary.totalAssetOfBtc) * 1e8)).toBe(rowSum);
    const lima = await m.getSubAccountDetailOnMarginAccount('desk-lima@fundx.example');
    expect(lima).toMatchObject({ email: 'desk-lima@fundx.example', marginLevel: '1.45500000', marginTradeCoeffVo: { forceLiquidationBar: '1.10000000', marginCallBar: '1.50000000', normalBar: '2.00000000' } });
    expect(lima.marginUserAssetVoList).toHaveLength(2);
  });

  it('getApiKeyPermissions reports withdrawals and IP restriction', async () => {
    expect(await client('kilo-treasury').getApiKeyPermissions()).toMatchObject({ ipRestrict: true, enableReading: true, enableWithdrawals: true, enableSpotAndMarginTrading: false, createTime: expect.any(Number) });
  });

  it('sub-account API key query (not in the SDK: raw signed call) lists special keys too', async () => {
    const { signed } = await import('./testing/client');
    const res = await signed(sim.url, creds(scenario, 'marginwatch-master-read'), 'GET', '/sapi/v1/sub-account/subAccountApi', { email: 'desk-hotel@fundx.example', size: 100 });
    const body = res.body as { total: number; list: Record<string, unknown>[] };
    expect(body.total).toBe(30);
    expect(body.list).toHaveLength(30);
    expect(body.list[0]).toMatchObject({ email: 'desk-hotel@fundx.example', apiName: 'hotel-monitor', apikey: expect.any(String), canTrade: true, timestamp: expect.any(Number) });
    const secondPage = await signed(sim.url, creds(scenario, 'marginwatch-master-read'), 'GET', '/sapi/v1/sub-account/subAccountApi', { email: 'desk-hotel@fundx.example', page: 2, size: 25 });
    expect(secondPage.body).toMatchObject({ total: 30, list: { length: 5 } });
  });
});
