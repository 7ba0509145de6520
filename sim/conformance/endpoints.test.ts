import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLIENTS, driver, type Params } from './clients';
import { type Harness, openHarness } from './setup';

/*
 * Every endpoint marginwatch calls (lib/server/exchange/endpoints.ts), called by three outside clients through
 * their own public methods and signing (clients.ts), against Binance's documented answer. Each row names the
 * page it follows: developers.binance.com titles (margin_trading, sub_account, wallet, portfolio-margin-pro)
 * and binance-spot-api-docs rest-api.md for /api. A row that fails here is a place where the simulator and
 * Binance's published contract disagree.
 */
let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.sim.close());
beforeEach(() => h.reset());

const decimal = expect.stringMatching(/^-?\d+(\.\d+)?$/);
const ALPHA_HFT = () => h.scenario.subAccounts.find((s) => s.email === 'desk-alpha@fundx.example')!.keys.find((k) => k.name === 'alpha-hft-01')!.apiKey;

interface Row {
  doc: string;
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  params?: () => Params;
  expect: (body: unknown) => void;
  /** The /sapi weight budget the doc names ("Weight(UID)" or "Weight(IP)"), seen in the answer's used-weight header. */
  scope?: 'UID' | 'IP';
}

const ROWS: Row[] = [
  {
    doc: 'rest-api.md "Account information (USER_DATA)"',
    key: 'delta-monitor', method: 'GET', path: '/api/v3/account',
    expect: (b) => expect(b).toMatchObject({ accountType: 'SPOT', balances: expect.arrayContaining([{ asset: 'USDC', free: '150000.00000000', locked: '0.00000000' }]) }),
  },
  {
    doc: 'rest-api.md "New order (TRADE)": newOrderRespType RESULT',
    key: 'alpha-hft-01', method: 'POST', path: '/api/v3/order', params: () => ({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.1', newOrderRespType: 'RESULT' }),
    expect: (b) => expect(b).toMatchObject({ symbol: 'BTCUSDT', orderId: expect.any(Number), status: 'NEW', origQty: '0.10000000', type: 'MARKET', side: 'BUY' }),
  },
  {
    doc: 'margin_trading "Query Cross Margin Account Details (USER_DATA)"',
    key: 'alpha-monitor', method: 'GET', path: '/sapi/v1/margin/account', scope: 'IP',
    expect: (b) => expect(b).toMatchObject({ created: true, marginLevel: decimal, totalAssetOfBtc: decimal, accountType: 'MARGIN_1', userAssets: expect.any(Array) }),
  },
  {
    doc: 'margin_trading "Get Summary of Margin account (USER_DATA)" (tradeCoeff)',
    key: 'alpha-monitor', method: 'GET', path: '/sapi/v1/margin/tradeCoeff',
    expect: (b) => expect(b).toEqual({ normalBar: decimal, marginCallBar: decimal, forceLiquidationBar: decimal }),
  },
  {
    doc: 'margin_trading "Query Isolated Margin Account Info (USER_DATA)"',
    key: 'golf-monitor', method: 'GET', path: '/sapi/v1/margin/isolated/account',
    expect: (b) => expect((b as { assets: { symbol: string }[] }).assets.map((a) => a.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']),
  },
  {
    doc: 'margin_trading "Get Force Liquidation Record (USER_DATA)"',
    key: 'delta-monitor', method: 'GET', path: '/sapi/v1/margin/forceLiquidationRec',
    expect: (b) => expect(b).toMatchObject({ total: 2, rows: expect.arrayContaining([expect.objectContaining({ symbol: 'BTCUSDT', side: 'SELL' })]) }),
  },
  {
    doc: 'margin_trading "Margin account borrow/repay (MARGIN)"',
    key: 'hotel-monitor', method: 'POST', path: '/sapi/v1/margin/borrow-repay', params: () => ({ asset: 'USDT', isIsolated: 'FALSE', symbol: 'BTCUSDT', amount: '1000', type: 'REPAY' }),
    expect: (b) => expect(b).toEqual({ tranId: expect.any(Number) }),
  },
  {
    doc: 'margin_trading "Create Special Key(Low-Latency Trading)(TRADE)"',
    key: 'charlie-trading', method: 'POST', path: '/sapi/v1/margin/apiKey', params: () => ({ apiName: 'conformance-01', ip: '203.0.113.10' }),
    expect: (b) => expect(b).toMatchObject({ apiKey: expect.stringMatching(/^[A-Za-z0-9]{64}$/), secretKey: expect.any(String), type: 'HMAC_SHA256' }),
  },
  {
    doc: 'margin_trading "Query Special key(Low Latency Trading)(TRADE)"',
    key: 'alpha-monitor', method: 'GET', path: '/sapi/v1/margin/apiKey', params: () => ({ apiKey: ALPHA_HFT() }),
    expect: (b) => expect(b).toMatchObject({ apiName: 'alpha-hft-01', apiKey: ALPHA_HFT(), permissionMode: 'TRADE' }),
  },
  {
    doc: 'margin_trading "Query Special key List(Low Latency Trading)(TRADE)"',
    key: 'alpha-monitor', method: 'GET', path: '/sapi/v1/margin/api-key-list',
    expect: (b) => expect((b as { apiName: string }[]).map((k) => k.apiName)).toEqual(['alpha-hft-01']),
  },
  {
    doc: 'margin_trading "Edit ip for Special Key(Low-Latency Trading)(TRADE)"',
    key: 'alpha-monitor', method: 'PUT', path: '/sapi/v1/margin/apiKey/ip', params: () => ({ apiKey: ALPHA_HFT(), ip: '203.0.113.10,198.51.100.7' }),
    expect: (b) => expect(b).toEqual({}),
  },
  {
    doc: 'margin_trading "Delete Special Key(Low-Latency Trading)(TRADE)"',
    key: 'alpha-monitor', method: 'DELETE', path: '/sapi/v1/margin/apiKey', params: () => ({ apiKey: ALPHA_HFT() }),
    expect: (b) => expect(b).toEqual({}),
  },
  {
    doc: 'margin_trading "Close Margin Special Key Mode (TRADE)": {} when not in special-key mode',
    key: 'charlie-trading', method: 'POST', path: '/sapi/v1/margin/exit-special-key-mode',
    expect: (b) => expect(b).toEqual({}),
  },
  {
    doc: 'margin_trading "Query Liquidation Loan (USER_DATA)"',
    key: 'delta-monitor', method: 'GET', path: '/sapi/v1/margin/liquidation-loan',
    expect: (b) => expect(b).toEqual({ asset: 'USDC', amount: '185000.00000000', repaidAmount: '35000.00000000', remainingAmount: '150000.00000000' }),
  },
  {
    doc: 'margin_trading "Liquidation Loan Repay (MARGIN)": {repayId, asset, amount, status, createTime}',
    key: 'delta-monitor', method: 'POST', path: '/sapi/v1/margin/liquidation-loan/repay', params: () => ({ asset: 'USDC', amount: '1000' }),
    expect: (b) => expect(b).toEqual({ repayId: expect.any(Number), asset: 'USDC', amount: '1000.00000000', status: 'SUCCESS', createTime: expect.any(Number) }),
  },
  {
    doc: 'margin_trading "Query Liquidation Loan Repay History (USER_DATA)"',
    key: 'delta-monitor', method: 'GET', path: '/sapi/v1/margin/liquidation-loan/repay-history',
    expect: (b) => expect(b).toEqual({ total: 0, rows: [] }),
  },
  {
    doc: 'portfolio-margin-pro "Get Portfolio Margin Pro Account Info (USER_DATA)": accountInitialMargin, totalAvailableBalance',
    key: 'echo-monitor', method: 'GET', path: '/sapi/v1/portfolio/account', scope: 'UID',
    expect: (b) => expect(b).toMatchObject({ uniMMR: decimal, accountEquity: decimal, accountMaintMargin: decimal, accountInitialMargin: decimal, totalAvailableBalance: decimal, accountStatus: 'MARGIN_CALL', accountType: 'PM_1' }),
  },
  {
    doc: 'portfolio-margin-pro "Query Portfolio Margin Pro Bankruptcy Loan Amount (USER_DATA)"',
    key: 'foxtrot-monitor', method: 'GET', path: '/sapi/v1/portfolio/pmLoan', scope: 'UID',
    expect: (b) => expect(b).toEqual({ asset: 'USDT', amount: '42000.00000000' }),
  },
  {
    doc: 'portfolio-margin-pro "Portfolio Margin Pro Bankruptcy Loan Repay (TRADE)"',
    key: 'foxtrot-monitor', method: 'POST', path: '/sapi/v1/portfolio/repay', params: () => ({ from: 'SPOT' }),
    expect: (b) => expect(b).toEqual({ tranId: expect.any(Number) }),
  },
  {
    doc: 'sub_account "Query Sub-account List (For Master Account) (USER_DATA)"',
    key: 'marginwatch-master-read', method: 'GET', path: '/sapi/v1/sub-account/list', params: () => ({ limit: 200 }),
    expect: (b) => expect((b as { subAccounts: unknown[] }).subAccounts).toHaveLength(15),
  },
  {
    doc: 'sub_account "Get Summary of Sub-account\'s Margin Account (For Master Account) (USER_DATA)"',
    key: 'marginwatch-master-read', method: 'GET', path: '/sapi/v1/sub-account/margin/accountSummary',
    expect: (b) => expect(b).toMatchObject({ totalAssetOfBtc: decimal, totalLiabilityOfBtc: decimal, totalNetAssetOfBtc: decimal, subAccountList: expect.any(Array) }),
  },
  {
    doc: 'sub_account "Get Detail on Sub-account\'s Margin Account (For Master Account) (USER_DATA)"',
    key: 'marginwatch-master-read', method: 'GET', path: '/sapi/v1/sub-account/margin/account', params: () => ({ email: 'desk-alpha@fundx.example' }),
    expect: (b) => expect(b).toMatchObject({ email: 'desk-alpha@fundx.example', marginLevel: decimal, marginTradeCoeffVo: { normalBar: decimal }, marginUserAssetVoList: expect.any(Array) }),
  },
  {
    doc: 'sub_account "Query Sub-account API Key (For Master Account) (USER_DATA)": weight 3000 UID',
    key: 'marginwatch-master-read', method: 'GET', path: '/sapi/v1/sub-account/subAccountApi', params: () => ({ email: 'desk-hotel@fundx.example', size: 100 }), scope: 'UID',
    expect: (b) => expect(b).toMatchObject({ total: 30, list: expect.arrayContaining([expect.objectContaining({ apiName: 'hotel-monitor', canTrade: true })]) }),
  },
  {
    doc: 'wallet "Get API Key Permission (USER_DATA)"',
    key: 'kilo-treasury', method: 'GET', path: '/sapi/v1/account/apiRestrictions',
    expect: (b) => expect(b).toMatchObject({ ipRestrict: true, enableReading: true, enableWithdrawals: true, enableSpotAndMarginTrading: false }),
  },
];

describe.each(CLIENTS)('%s: every endpoint the app calls, HMAC', (client) => {
  it.each(ROWS.map((r) => [`${r.method} ${r.path} — ${r.doc}`, r] as const))('%s', async (_name, row) => {
    const out = await driver(client, h.sim.url, h.scenario, row.key).signed(row.method, row.path, row.params?.() ?? {});
    expect(out).toMatchObject({ ok: true });
    row.expect(out.body);
    // The `binance` SDK's getPrivate answers the body only; the other two clients hand back the headers.
    if (row.scope && client !== 'binance-sdk') {
      const other = row.scope === 'UID' ? 'IP' : 'UID';
      expect(out.headers[`x-sapi-used-${row.scope.toLowerCase()}-weight-1m`]).toMatch(/^\d+$/);
      expect(out.headers[`x-sapi-used-${other.toLowerCase()}-weight-1m`]).toBeUndefined();
    }
  });
});

describe.each(CLIENTS)('%s: Ed25519 keys sign reads and trades', (client) => {
  it('reads the margin account and lists special keys with an Ed25519 normal key (Spot API "SIGNED Endpoint security": Ed25519)', async () => {
    const d = driver(client, h.sim.url, h.scenario, 'alpha-ed25519-conformance');
    expect(await d.signed('GET', '/sapi/v1/margin/account')).toMatchObject({ ok: true, body: { accountType: 'MARGIN_1' } });
    expect(await d.signed('GET', '/sapi/v1/margin/api-key-list')).toMatchObject({ ok: true, body: [{ apiName: 'alpha-hft-01' }] });
  });

  it('places an order with desk-echo\'s Ed25519 special key on /api', async () => {
    const out = await driver(client, h.sim.url, h.scenario, 'echo-hft-ed25519').signed('POST', '/api/v3/order', { symbol: 'ETHUSDT', side: 'SELL', type: 'MARKET', quantity: '1', newOrderRespType: 'ACK' });
    expect(out).toMatchObject({ ok: true, body: { symbol: 'ETHUSDT', orderId: expect.any(Number) } });
  });
});
