import { BinanceError } from '../errors';
import type { Route, SignedCtx } from '../route';
import type { ListenKind } from '../streams/listen-keys';

/** Binance: -1125 "This listenKey does not exist." for a PUT or DELETE on an unknown or expired key. */
const noSuchKey = () => new BinanceError(400, -1125, 'This listenKey does not exist.');

function routes(path: string, kind: ListenKind, limit: Route['limit'] = 'UID'): Route[] {
  const base = { path, weight: 1, limit, security: 'USER_STREAM' as const };
  return [
    {
      ...base,
      method: 'POST',
      handler: ({ state, account }: SignedCtx) => ({ listenKey: state.listenKeys.create(account.email, kind).key }),
    },
    {
      ...base,
      method: 'PUT',
      handler: ({ state, account, params }: SignedCtx) => {
        if (!state.listenKeys.keepAlive(params.required('listenKey'), account.email, kind)) throw noSuchKey();
        return {};
      },
    },
    {
      ...base,
      method: 'DELETE',
      handler: ({ state, account, params }: SignedCtx) => {
        if (!state.listenKeys.close(params.required('listenKey'), account.email, kind)) throw noSuchKey();
        return {};
      },
    },
  ];
}

/**
 * The futures API's listen key (`/fapi/v1/listenKey`) belongs to the API key: PUT and DELETE take no parameter
 * and act on the account's active key (USDⓈ-M Futures "Keepalive User Data Stream": no parameters, answers the
 * key); without one, -1125. Weight 1 each, in the futures IP pool.
 */
function futuresRoutes(path: string, kind: ListenKind): Route[] {
  const base = { path, weight: 1, limit: 'FAPI' as const, security: 'USER_STREAM' as const };
  const active = ({ state, account }: SignedCtx) => state.listenKeys.activeOf(account.email, kind) ?? throwNoSuchKey();
  return [
    { ...base, method: 'POST', handler: ({ state, account }: SignedCtx) => ({ listenKey: state.listenKeys.create(account.email, kind).key }) },
    {
      ...base,
      method: 'PUT',
      handler: (ctx: SignedCtx) => {
        const k = active(ctx);
        ctx.state.listenKeys.keepAlive(k.key, k.email, kind);
        return { listenKey: k.key };
      },
    },
    {
      ...base,
      method: 'DELETE',
      handler: (ctx: SignedCtx) => {
        const k = active(ctx);
        ctx.state.listenKeys.close(k.key, k.email, kind);
        return {};
      },
    },
  ];
}

function throwNoSuchKey(): never {
  throw noSuchKey();
}

/**
 * Listen keys: the margin risk data stream (`/sapi/v1/margin/listen-key`, cross margin only) and the margin
 * trade data stream (`/sapi/v1/userDataStream`, balances), both UID weight 1; Portfolio Margin Pro's user data
 * stream, whose key comes from the futures API (`/fapi/v1/listenKey`, above). All USER_STREAM security: the API
 * key header, no signature.
 */
export const userStreamRoutes: Route[] = [
  ...routes('/sapi/v1/margin/listen-key', 'risk'),
  ...routes('/sapi/v1/userDataStream', 'trade'),
  ...futuresRoutes('/fapi/v1/listenKey', 'pmpro'),
];
