import { ZERO, dec, fmt8 } from '../decimal';
import { err } from '../errors';
import type { Route, SignedCtx } from '../route';
import type { Account, ApiKey } from '../state';
import { crossAccountView } from './margin';

function subs(ctx: SignedCtx): Account[] {
  return ctx.state.accounts.filter((a) => !a.isMaster);
}

function subByEmail(ctx: SignedCtx): Account {
  const sub = ctx.state.byEmail.get(ctx.params.required('email'));
  if (!sub || sub.isMaster) throw err.noSuchSubAccount();
  return sub;
}

// The fields Binance's official connectors document for "Query Sub-account API Key (For Master Account)".
function keyView(sub: Account, k: ApiKey) {
  return {
    email: sub.email,
    apiName: k.name,
    apikey: k.apiKey,
    canTrade: k.permissions.enableSpotAndMarginTrading,
    canMarginLoanRepay: k.permissions.enableMargin,
    canFuturesTrade: k.permissions.enableFutures,
    canUniversalTransfer: k.permissions.permitsUniversalTransfer,
    canVanillaOptions: k.permissions.enableVanillaOptions,
    timestamp: k.createTime,
  };
}

export const subAccountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sapi/v1/sub-account/list',
    weight: 1,
    limit: 'IP',
    security: 'USER_DATA',
    masterOnly: true,
    handler: (ctx) => {
      const email = ctx.params.get('email');
      const freeze = ctx.params.get('isFreeze');
      const page = Math.max(1, ctx.params.int('page') ?? 1);
      // Binance: limit defaults to 1 (max 200). Clients must page or pass a limit.
      const limit = Math.min(200, Math.max(1, ctx.params.int('limit') ?? 1));
      const list = subs(ctx)
        .filter((a) => !email || a.email === email)
        .filter((a) => freeze === undefined || String(a.isFreeze) === freeze);
      return {
        subAccounts: list.slice((page - 1) * limit, page * limit).map((a) => ({
          subUserId: a.uid,
          email: a.email,
          remark: a.remark,
          isFreeze: a.isFreeze,
          createTime: a.createTime,
          isManagedSubAccount: false,
          isAssetManagementSubAccount: false,
        })),
      };
    },
  },
  {
    method: 'GET',
    path: '/sapi/v1/sub-account/margin/accountSummary',
    weight: 10,
    limit: 'IP',
    security: 'USER_DATA',
    masterOnly: true,
    handler: (ctx) => {
      // (choice) a sub-account without a margin wallet is left out of the summary.
      const list = subs(ctx).filter((a) => a.hasMarginWallet).map((a) => ({ email: a.email, ...crossAccountView(ctx, a).totals }));
      // Master totals are the sum of the rows as printed, so they add up exactly for the reader.
      const total = (field: 'totalAssetOfBtc' | 'totalLiabilityOfBtc' | 'totalNetAssetOfBtc') =>
        fmt8(list.reduce((acc, r) => acc.plus(dec(r[field])), ZERO));
      return {
        totalAssetOfBtc: total('totalAssetOfBtc'),
        totalLiabilityOfBtc: total('totalLiabilityOfBtc'),
        totalNetAssetOfBtc: total('totalNetAssetOfBtc'),
        subAccountList: list,
      };
    },
  },
  {
    method: 'GET',
    path: '/sapi/v1/sub-account/margin/account',
    weight: 10,
    limit: 'IP',
    security: 'USER_DATA',
    masterOnly: true,
    handler: (ctx) => {
      const sub = subByEmail(ctx);
      if (!sub.hasMarginWallet) throw err.noMarginAccount();
      const view = crossAccountView(ctx, sub);
      return {
        email: sub.email,
        marginLevel: view.marginLevel,
        ...view.totals,
        marginTradeCoeffVo: {
          forceLiquidationBar: fmt8(sub.bars.forceLiquidationBar),
          marginCallBar: fmt8(sub.bars.marginCallBar),
          normalBar: fmt8(sub.bars.normalBar),
        },
        marginUserAssetVoList: view.userAssets,
      };
    },
  },
  {
    method: 'GET',
    path: '/sapi/v1/sub-account/subAccountApi',
    // Binance: "Weight(UID): 3000"; `page` (default 1) and `size` (default 30, at most 100).
    weight: 3000,
    limit: 'UID',
    security: 'USER_DATA',
    masterOnly: true,
    // Special keys are listed too (they count toward the 30) but nothing marks them special: only the sub's own key can tell.
    handler: (ctx) => {
      const sub = subByEmail(ctx);
      const apiKey = ctx.params.get('subAccountApiKey');
      const page = Math.max(1, ctx.params.int('page') ?? 1);
      const size = Math.min(100, Math.max(1, ctx.params.int('size') ?? 30));
      const all = [...sub.keys.values()].filter((k) => !apiKey || k.apiKey === apiKey);
      return { total: all.length, list: all.slice((page - 1) * size, page * size).map((k) => keyView(sub, k)) };
    },
  },
];
