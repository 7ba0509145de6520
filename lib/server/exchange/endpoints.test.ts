import 'server-only';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, futuresBaseUrl, type EndpointName, weightOf } from './endpoints';

// The catalogue as documented (developers.binance.com / binance-connector-js): method, path, weight, scope.
const DOCUMENTED: Array<[EndpointName, string, number, string]> = [
  ['serverTime', 'GET /api/v3/time', 1, 'API_IP'],
  ['newOrder', 'POST /api/v3/order', 1, 'API_IP'],
  ['spotAccount', 'GET /api/v3/account', 20, 'API_IP'],
  ['marginAccount', 'GET /sapi/v1/margin/account', 10, 'SAPI_IP'],
  ['marginTradeCoeff', 'GET /sapi/v1/margin/tradeCoeff', 10, 'SAPI_IP'],
  ['isolatedAccount', 'GET /sapi/v1/margin/isolated/account', 10, 'SAPI_IP'],
  ['forceLiquidationRec', 'GET /sapi/v1/margin/forceLiquidationRec', 1, 'SAPI_IP'],
  ['priceIndex', 'GET /sapi/v1/margin/priceIndex', 10, 'SAPI_IP'],
  ['borrowRepay', 'POST /sapi/v1/margin/borrow-repay', 1500, 'SAPI_UID'],
  ['createSpecialKey', 'POST /sapi/v1/margin/apiKey', 1, 'SAPI_UID'],
  ['getSpecialKey', 'GET /sapi/v1/margin/apiKey', 1, 'SAPI_UID'],
  ['deleteSpecialKey', 'DELETE /sapi/v1/margin/apiKey', 1, 'SAPI_UID'],
  ['editSpecialKeyIp', 'PUT /sapi/v1/margin/apiKey/ip', 1, 'SAPI_UID'],
  ['specialKeyList', 'GET /sapi/v1/margin/api-key-list', 1, 'SAPI_UID'],
  ['exitSpecialKeyMode', 'POST /sapi/v1/margin/exit-special-key-mode', 10, 'SAPI_UID'],
  ['liquidationLoan', 'GET /sapi/v1/margin/liquidation-loan', 100, 'SAPI_UID'],
  ['liquidationLoanRepay', 'POST /sapi/v1/margin/liquidation-loan/repay', 100, 'SAPI_UID'],
  ['liquidationLoanRepayHistory', 'GET /sapi/v1/margin/liquidation-loan/repay-history', 100, 'SAPI_UID'],
  ['portfolioAccount', 'GET /sapi/v1/portfolio/account', 5, 'SAPI_UID'],
  ['portfolioLoan', 'GET /sapi/v1/portfolio/pmLoan', 500, 'SAPI_UID'],
  ['portfolioRepay', 'POST /sapi/v1/portfolio/repay', 3000, 'SAPI_UID'],
  ['subAccountList', 'GET /sapi/v1/sub-account/list', 1, 'SAPI_IP'],
  ['subAccountMarginSummary', 'GET /sapi/v1/sub-account/margin/accountSummary', 10, 'SAPI_IP'],
  ['subAccountMarginAccount', 'GET /sapi/v1/sub-account/margin/account', 10, 'SAPI_IP'],
  ['subAccountApiKeys', 'GET /sapi/v1/sub-account/subAccountApi', 3000, 'SAPI_UID'],
  ['apiRestrictions', 'GET /sapi/v1/account/apiRestrictions', 1, 'SAPI_IP'],
  ['riskListenKey', 'POST /sapi/v1/margin/listen-key', 1, 'SAPI_UID'],
  ['riskListenKeyKeepAlive', 'PUT /sapi/v1/margin/listen-key', 1, 'SAPI_UID'],
  ['riskListenKeyClose', 'DELETE /sapi/v1/margin/listen-key', 1, 'SAPI_UID'],
  ['tradeListenKey', 'POST /sapi/v1/userDataStream', 1, 'SAPI_UID'],
  ['tradeListenKeyKeepAlive', 'PUT /sapi/v1/userDataStream', 1, 'SAPI_UID'],
  ['tradeListenKeyClose', 'DELETE /sapi/v1/userDataStream', 1, 'SAPI_UID'],
  ['pmProListenKey', 'POST /fapi/v1/listenKey', 1, 'FAPI_IP'],
  ['pmProListenKeyKeepAlive', 'PUT /fapi/v1/listenKey', 1, 'FAPI_IP'],
  ['pmProListenKeyClose', 'DELETE /fapi/v1/listenKey', 1, 'FAPI_IP'],
  ['klines', 'GET /api/v3/klines', 2, 'API_IP'],
];

describe('endpoint catalogue', () => {
  it.each(DOCUMENTED)('%s is %s, weight %i, %s', (name, route, weight, scope) => {
    const e = ENDPOINTS[name];
    expect(`${e.method} ${e.path}`).toBe(route);
    expect(weightOf(e, {})).toBe(weight);
    expect(e.scope).toBe(scope);
  });

  it('covers every endpoint the app uses (issue 4), and nothing else', () => {
    expect(Object.keys(ENDPOINTS).sort()).toEqual([...DOCUMENTED.map(([n]) => n), 'tickerPrice'].sort());
  });

  it('ticker/price weighs 2 for one symbol and 4 for several or all', () => {
    expect(weightOf(ENDPOINTS.tickerPrice, { symbol: 'BTCUSDT' })).toBe(2);
    expect(weightOf(ENDPOINTS.tickerPrice, { symbols: '["A","B"]' })).toBe(4);
    expect(weightOf(ENDPOINTS.tickerPrice, {})).toBe(4);
  });

  it('scopes match the path family: /api shares the IP budget, /sapi is per endpoint, /fapi is on the futures host', () => {
    for (const e of Object.values(ENDPOINTS)) {
      expect(e.path.startsWith('/api/')).toBe(e.scope === 'API_IP');
      expect(e.path.startsWith('/fapi/')).toBe(e.scope === 'FAPI_IP');
      expect(e.path.startsWith('/fapi/')).toBe(e.host === 'fapi');
    }
    expect(futuresBaseUrl('https://api.binance.com')).toBe('https://fapi.binance.com');
    expect(futuresBaseUrl('http://127.0.0.1:3181')).toBe('http://127.0.0.1:3181');
  });

  it('only public market data and listen keys (USER_STREAM: key header only) go unsigned', () => {
    const unsigned = Object.entries(ENDPOINTS).filter(([, e]) => e.security !== 'SIGNED').map(([n]) => n).sort();
    expect(unsigned).toEqual(['klines', 'pmProListenKey', 'pmProListenKeyClose', 'pmProListenKeyKeepAlive', 'priceIndex', 'riskListenKey', 'riskListenKeyClose', 'riskListenKeyKeepAlive', 'serverTime', 'tickerPrice', 'tradeListenKey', 'tradeListenKeyClose', 'tradeListenKeyKeepAlive']);
  });
});
