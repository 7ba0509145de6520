import type { Params } from './params';
import type { KeyPermissions } from './scenario';
import type { Account, ApiKey, SimState } from './state';

/**
 * Binance's security types: NONE is public; the others need a signed request with a key holding the
 * matching permission (USER_DATA → reading, TRADE → spot & margin trading, MARGIN → margin loan/repay).
 * USER_STREAM (listen keys) needs a valid API key in the header but no signature.
 */
export type Security = 'NONE' | 'USER_STREAM' | 'USER_DATA' | 'TRADE' | 'MARGIN';

/**
 * API: the shared 6000/min /api IP pool. IP / UID: a /sapi endpoint's own per-IP or per-account budget.
 * FAPI: the USDⓈ-M futures API's shared 2400/min IP pool (its own host at Binance).
 */
export type LimitKind = 'API' | 'IP' | 'UID' | 'FAPI';

export interface Ctx {
  state: SimState;
  params: Params;
  now: number;
  /** Set for signed routes: the calling key and the account it belongs to. */
  key?: ApiKey;
  account?: Account;
  /** Extra response headers a handler sets (the order-count headers of POST /api/v3/order). */
  headers?: Record<string, string>;
}

export interface SignedCtx extends Ctx {
  key: ApiKey;
  account: Account;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  weight: number | ((params: Params) => number);
  limit: LimitKind;
  security: Security;
  /** Overrides the permission implied by `security`. */
  permission?: keyof KeyPermissions;
  /** Sub-account endpoints: only the master account's key may call them. */
  masterOnly?: boolean;
  /** Margin endpoints: an account without a margin wallet gets -3003. */
  margin?: boolean;
  handler: (ctx: SignedCtx) => unknown;
}

export const PERMISSION_FOR: Record<Exclude<Security, 'NONE' | 'USER_STREAM'>, keyof KeyPermissions> = {
  USER_DATA: 'enableReading',
  TRADE: 'enableSpotAndMarginTrading',
  MARGIN: 'enableMargin',
};

export function routeKey(method: string, path: string): string {
  return `${method} ${path}`;
}
