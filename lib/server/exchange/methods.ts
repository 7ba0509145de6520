import 'server-only';
import type { EndpointName, EndpointResult } from './endpoints';
import type { SpecialKeyGuard } from './special-key-guard';
import type { RequestParams } from './types';

/** Which user stream a listen key opens: margin risk data, margin trade data, or Portfolio Margin Pro's (docs/live.md). */
export type ListenKind = 'risk' | 'trade' | 'pmPro';

const LISTEN_KEY = {
  risk: { create: 'riskListenKey', keepAlive: 'riskListenKeyKeepAlive', close: 'riskListenKeyClose' },
  trade: { create: 'tradeListenKey', keepAlive: 'tradeListenKeyKeepAlive', close: 'tradeListenKeyClose' },
  pmPro: { create: 'pmProListenKey', keepAlive: 'pmProListenKeyKeepAlive', close: 'pmProListenKeyClose' },
} as const satisfies Record<ListenKind, Record<'create' | 'keepAlive' | 'close', EndpointName>>;

/** The futures API knows the key by the API key alone: its PUT and DELETE take no listenKey. */
const keyParam = (kind: ListenKind, listenKey: string) => (kind === 'pmPro' ? {} : { listenKey });

/** One signed call by endpoint name: what the client gives the named wrappers below. */
export type RequestFn = <N extends EndpointName>(name: N, params?: RequestParams) => Promise<EndpointResult<N>>;

// Thin, named wrappers so callers do not assemble Binance parameter names by hand.
export function namedMethods(request: RequestFn, guard: SpecialKeyGuard) {
  return {
    getTickerPrices: (symbols?: string[]) =>
      request('tickerPrice', symbols === undefined ? {} : symbols.length === 1 ? { symbol: symbols[0] } : { symbols: JSON.stringify(symbols) }),
    placeOrder: (p: { symbol: string; side: 'BUY' | 'SELL'; type: string; quantity?: string; price?: string; timeInForce?: string; newClientOrderId?: string }) =>
      request('newOrder', { ...p, newOrderRespType: 'ACK' }),

    getSpotAccount: () => request('spotAccount', { omitZeroBalances: 'true' }),
    getMarginAccount: () => request('marginAccount'),
    getMarginTradeCoeff: () => request('marginTradeCoeff'),
    getIsolatedAccount: (symbols?: string[]) => request('isolatedAccount', { symbols: symbols?.join(',') }),
    getPriceIndex: (symbol: string) => request('priceIndex', { symbol }),
    borrowRepay: (p: { asset: string; amount: string; type: 'BORROW' | 'REPAY'; isIsolated?: 'TRUE' | 'FALSE'; symbol?: string }) =>
      request('borrowRepay', { asset: p.asset, isIsolated: p.isIsolated ?? 'FALSE', symbol: p.symbol, amount: p.amount, type: p.type }),

    createSpecialKey: (p: { apiName: string; symbol?: string; ip?: string; publicKey?: string; permissionMode?: 'TRADE' | 'READ' }) =>
      request('createSpecialKey', p),
    deleteSpecialKey: (apiKey: string, symbol?: string) => request('deleteSpecialKey', { apiKey, symbol }),
    editSpecialKeyIp: (apiKey: string, ip: string, symbol?: string) => request('editSpecialKeyIp', { apiKey, symbol, ip }),
    // Every key the exchange lists here is special: the guard remembers it for the life of the process.
    getSpecialKeyList: async (symbol?: string) => {
      const keys = await request('specialKeyList', { symbol });
      for (const k of keys) guard.recordSpecialKey(k.apiKey);
      return keys;
    },
    exitSpecialKeyMode: () => request('exitSpecialKeyMode'),

    getLiquidationLoan: () => request('liquidationLoan'),
    // Newest first, at most 100 a page (Binance's maximum); weight 1 (IP).
    getForceLiquidationRec: (p: { startTime?: number; size?: number } = {}) => request('forceLiquidationRec', { startTime: p.startTime, size: p.size ?? 100 }),
    repayLiquidationLoan: (asset: string, amount: string) => request('liquidationLoanRepay', { asset, amount }),

    getPortfolioAccount: () => request('portfolioAccount'),
    getPortfolioLoan: () => request('portfolioLoan'),
    repayPortfolioLoan: (from?: 'SPOT' | 'MARGIN') => request('portfolioRepay', { from }),

    // limit ≤ 200 per the docs; the refresh pages until a short page comes back.
    getSubAccountList: (page: number, limit = 200) => request('subAccountList', { page, limit }),
    getSubAccountMarginAccount: (email: string) => request('subAccountMarginAccount', { email }),
    getSubAccountApiKeys: (email: string, page?: number, size?: number) => request('subAccountApiKeys', { email, page, size }),

    getApiRestrictions: () => request('apiRestrictions'),

    createListenKey: (kind: ListenKind) => request(LISTEN_KEY[kind].create),
    keepAliveListenKey: (kind: ListenKind, listenKey: string) => request(LISTEN_KEY[kind].keepAlive, keyParam(kind, listenKey)),
    closeListenKey: (kind: ListenKind, listenKey: string) => request(LISTEN_KEY[kind].close, keyParam(kind, listenKey)),
    getKlines: (p: { symbol: string; interval: string; startTime?: number; endTime?: number; limit?: number }) => request('klines', p),
  };
}
