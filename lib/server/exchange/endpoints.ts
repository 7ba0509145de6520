import 'server-only';
import type { z } from 'zod';
import * as s from '@/lib/schemas/exchange';
import type { HttpMethod, RequestParams } from './types';

// Where an endpoint's weight is counted (docs/domain.md#exchange):
// - API_IP: every /api endpoint shares one 6000/min budget per IP (X-MBX-USED-WEIGHT-1M);
// - SAPI_IP: this /sapi endpoint's own 12000/min budget per IP (X-SAPI-USED-IP-WEIGHT-1M);
// - SAPI_UID: this /sapi endpoint's own 180000/min budget per account (X-SAPI-USED-UID-WEIGHT-1M);
// - FAPI_IP: every USDⓈ-M futures /fapi endpoint shares one 2400/min budget per IP (X-MBX-USED-WEIGHT-1M), on its own host.
export type LimitScope = 'API_IP' | 'SAPI_IP' | 'SAPI_UID' | 'FAPI_IP';

// NONE: public. API_KEY: Binance's MARKET_DATA — the key header, no signature. SIGNED: TRADE / USER_DATA / MARGIN.
export type Security = 'NONE' | 'API_KEY' | 'SIGNED';

export type EndpointDef<S extends z.ZodType = z.ZodType> = {
  method: HttpMethod;
  path: string;
  scope: LimitScope;
  security: Security;
  // The documented request weight; a function where the docs make it depend on the parameters.
  weight: number | ((params: RequestParams) => number);
  schema: S;
  /** 'fapi': Binance serves it on the futures host (`futuresBaseUrl`), not on the spot/margin one. */
  host?: 'fapi';
};

const def = <S extends z.ZodType>(d: EndpointDef<S>): EndpointDef<S> => d;

// Every endpoint the app calls, with the weight and scope from Binance's docs (developers.binance.com and the
// official binance-connector-js). Where two doc pages disagree the choice is noted.
export const ENDPOINTS = {
  // Spot /api — the only family a Margin Special key may use.
  serverTime: def({ method: 'GET', path: '/api/v3/time', scope: 'API_IP', security: 'NONE', weight: 1, schema: s.serverTimeSchema }),
  tickerPrice: def({
    method: 'GET', path: '/api/v3/ticker/price', scope: 'API_IP', security: 'NONE',
    weight: (p) => (p.symbol !== undefined ? 2 : 4), // 2 for one symbol; 4 for `symbols` or all
    schema: s.tickerPriceSchema,
  }),
  // The spot wallet: a LiquidationLoan is repaid from it ("Liquidation Loan Repay (MARGIN)"). Weight 20.
  spotAccount: def({ method: 'GET', path: '/api/v3/account', scope: 'API_IP', security: 'SIGNED', weight: 20, schema: s.spotAccountSchema }),
  newOrder: def({ method: 'POST', path: '/api/v3/order', scope: 'API_IP', security: 'SIGNED', weight: 1, schema: s.newOrderSchema }),

  // Margin account reads.
  marginAccount: def({ method: 'GET', path: '/sapi/v1/margin/account', scope: 'SAPI_IP', security: 'SIGNED', weight: 10, schema: s.marginAccountSchema }),
  marginTradeCoeff: def({ method: 'GET', path: '/sapi/v1/margin/tradeCoeff', scope: 'SAPI_IP', security: 'SIGNED', weight: 10, schema: s.marginTradeCoeffSchema }),
  isolatedAccount: def({ method: 'GET', path: '/sapi/v1/margin/isolated/account', scope: 'SAPI_IP', security: 'SIGNED', weight: 10, schema: s.isolatedAccountSchema }),
  forceLiquidationRec: def({ method: 'GET', path: '/sapi/v1/margin/forceLiquidationRec', scope: 'SAPI_IP', security: 'SIGNED', weight: 1, schema: s.forceLiquidationRecSchema }),
  priceIndex: def({ method: 'GET', path: '/sapi/v1/margin/priceIndex', scope: 'SAPI_IP', security: 'API_KEY', weight: 10, schema: s.priceIndexSchema }),
  // The margin docs page gives "1500" without a scope; Binance's own Rust connector says "Weight(UID): 1500".
  borrowRepay: def({ method: 'POST', path: '/sapi/v1/margin/borrow-repay', scope: 'SAPI_UID', security: 'SIGNED', weight: 1500, schema: s.borrowRepaySchema }),

  // Margin Special keys (managed with the account's normal key).
  createSpecialKey: def({ method: 'POST', path: '/sapi/v1/margin/apiKey', scope: 'SAPI_UID', security: 'SIGNED', weight: 1, schema: s.createSpecialKeySchema }),
  getSpecialKey: def({ method: 'GET', path: '/sapi/v1/margin/apiKey', scope: 'SAPI_UID', security: 'SIGNED', weight: 1, schema: s.specialKeySchema }),
  deleteSpecialKey: def({ method: 'DELETE', path: '/sapi/v1/margin/apiKey', scope: 'SAPI_UID', security: 'SIGNED', weight: 1, schema: s.emptyObjectSchema }),
  editSpecialKeyIp: def({ method: 'PUT', path: '/sapi/v1/margin/apiKey/ip', scope: 'SAPI_UID', security: 'SIGNED', weight: 1, schema: s.emptyObjectSchema }),
  specialKeyList: def({ method: 'GET', path: '/sapi/v1/margin/api-key-list', scope: 'SAPI_UID', security: 'SIGNED', weight: 1, schema: s.specialKeyListSchema }),
  exitSpecialKeyMode: def({ method: 'POST', path: '/sapi/v1/margin/exit-special-key-mode', scope: 'SAPI_UID', security: 'SIGNED', weight: 10, schema: s.emptyObjectSchema }),

  // LiquidationLoan (Cross Margin Classic bound by the Supplemental Terms).
  liquidationLoan: def({ method: 'GET', path: '/sapi/v1/margin/liquidation-loan', scope: 'SAPI_UID', security: 'SIGNED', weight: 100, schema: s.liquidationLoanSchema }),
  liquidationLoanRepay: def({ method: 'POST', path: '/sapi/v1/margin/liquidation-loan/repay', scope: 'SAPI_UID', security: 'SIGNED', weight: 100, schema: s.liquidationLoanRepaySchema }),
  liquidationLoanRepayHistory: def({ method: 'GET', path: '/sapi/v1/margin/liquidation-loan/repay-history', scope: 'SAPI_UID', security: 'SIGNED', weight: 100, schema: s.liquidationLoanRepayHistorySchema }),

  // Portfolio Margin Pro. The account page of the PM Pro docs says "Request Weight(UID) 5" while the older page says
  // IP; the current one is followed. (choice)
  portfolioAccount: def({ method: 'GET', path: '/sapi/v1/portfolio/account', scope: 'SAPI_UID', security: 'SIGNED', weight: 5, schema: s.portfolioAccountSchema }),
  portfolioLoan: def({ method: 'GET', path: '/sapi/v1/portfolio/pmLoan', scope: 'SAPI_UID', security: 'SIGNED', weight: 500, schema: s.portfolioLoanSchema }),
  portfolioRepay: def({ method: 'POST', path: '/sapi/v1/portfolio/repay', scope: 'SAPI_UID', security: 'SIGNED', weight: 3000, schema: s.portfolioRepaySchema }),

  // Sub-accounts (master key only).
  subAccountList: def({ method: 'GET', path: '/sapi/v1/sub-account/list', scope: 'SAPI_IP', security: 'SIGNED', weight: 1, schema: s.subAccountListSchema }),
  subAccountMarginSummary: def({ method: 'GET', path: '/sapi/v1/sub-account/margin/accountSummary', scope: 'SAPI_IP', security: 'SIGNED', weight: 10, schema: s.subAccountMarginSummarySchema }),
  subAccountMarginAccount: def({ method: 'GET', path: '/sapi/v1/sub-account/margin/account', scope: 'SAPI_IP', security: 'SIGNED', weight: 10, schema: s.subAccountMarginAccountSchema }),
  subAccountApiKeys: def({ method: 'GET', path: '/sapi/v1/sub-account/subAccountApi', scope: 'SAPI_UID', security: 'SIGNED', weight: 3000, schema: s.subAccountApiKeysSchema }),

  // Listen keys (USER_STREAM: the key header, no signature; docs/live.md): the margin risk data stream and the
  // margin trade data stream. A key lives 60 min; PUT extends it.
  riskListenKey: def({ method: 'POST', path: '/sapi/v1/margin/listen-key', scope: 'SAPI_UID', security: 'API_KEY', weight: 1, schema: s.listenKeySchema }),
  riskListenKeyKeepAlive: def({ method: 'PUT', path: '/sapi/v1/margin/listen-key', scope: 'SAPI_UID', security: 'API_KEY', weight: 1, schema: s.emptyObjectSchema }),
  riskListenKeyClose: def({ method: 'DELETE', path: '/sapi/v1/margin/listen-key', scope: 'SAPI_UID', security: 'API_KEY', weight: 1, schema: s.emptyObjectSchema }),
  tradeListenKey: def({ method: 'POST', path: '/sapi/v1/userDataStream', scope: 'SAPI_UID', security: 'API_KEY', weight: 1, schema: s.listenKeySchema }),
  tradeListenKeyKeepAlive: def({ method: 'PUT', path: '/sapi/v1/userDataStream', scope: 'SAPI_UID', security: 'API_KEY', weight: 1, schema: s.emptyObjectSchema }),
  tradeListenKeyClose: def({ method: 'DELETE', path: '/sapi/v1/userDataStream', scope: 'SAPI_UID', security: 'API_KEY', weight: 1, schema: s.emptyObjectSchema }),
  // Portfolio Margin Pro's user data stream takes its key from the USDⓈ-M futures API (docs/live.md). That key
  // belongs to the API key: PUT and DELETE name no listenKey ("Keepalive User Data Stream (USER_STREAM)", no
  // parameters; PUT answers the key). Weight 1 each, IP.
  pmProListenKey: def({ method: 'POST', path: '/fapi/v1/listenKey', host: 'fapi', scope: 'FAPI_IP', security: 'API_KEY', weight: 1, schema: s.listenKeySchema }),
  pmProListenKeyKeepAlive: def({ method: 'PUT', path: '/fapi/v1/listenKey', host: 'fapi', scope: 'FAPI_IP', security: 'API_KEY', weight: 1, schema: s.emptyObjectSchema }),
  pmProListenKeyClose: def({ method: 'DELETE', path: '/fapi/v1/listenKey', host: 'fapi', scope: 'FAPI_IP', security: 'API_KEY', weight: 1, schema: s.emptyObjectSchema }),
  klines: def({ method: 'GET', path: '/api/v3/klines', scope: 'API_IP', security: 'NONE', weight: 2, schema: s.klinesSchema }),

  // Key permissions, checked when a connection is saved.
  apiRestrictions: def({ method: 'GET', path: '/sapi/v1/account/apiRestrictions', scope: 'SAPI_IP', security: 'SIGNED', weight: 1, schema: s.apiRestrictionsSchema }),
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
export type EndpointResult<N extends EndpointName> = z.output<(typeof ENDPOINTS)[N]['schema']>;

/**
 * Where the futures API lives for a spot/margin base URL: Binance's own host for Binance (fapi.binance.com),
 * any other base (the simulator) serves it itself.
 */
export function futuresBaseUrl(baseUrl: string): string {
  return new URL(baseUrl).hostname === 'api.binance.com' ? 'https://fapi.binance.com' : baseUrl;
}

export function weightOf(endpoint: EndpointDef, params: RequestParams): number {
  return typeof endpoint.weight === 'function' ? endpoint.weight(params) : endpoint.weight;
}
