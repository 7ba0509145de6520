import { Dec, ZERO, dec, fmt8 } from '../decimal';
import { err } from '../errors';
import type { Route, SignedCtx } from '../route';
import { type Account, type Balance, emptyBalance } from '../state';
import { btcTotals, crossValue, held, liquidatePrice, marginLevelString, owed, pairStatus, pairValue, userAsset } from '../valuation';
import { symbolPrice } from '../symbols';

/** Cross margin account view, shared with the master's sub-account endpoint. */
export function crossAccountView(ctx: Pick<SignedCtx, 'state'>, account: Account) {
  const v = crossValue(ctx.state, account.assets.values());
  return { value: v, marginLevel: marginLevelString(v.marginLevel), totals: btcTotals(ctx.state, v), userAssets: [...account.assets.values()].map(userAsset) };
}

function isolatedSide(ctx: SignedCtx, b: Balance) {
  const net = held(b).minus(owed(b));
  return {
    ...userAsset(b),
    borrowEnabled: true,
    netAssetOfBtc: fmt8(net.times(ctx.state.price(b.asset)).div(ctx.state.price('BTC'))),
    repayEnabled: true,
    totalAsset: fmt8(held(b)),
  };
}

const BORROW_TYPES = ['BORROW', 'REPAY'] as const;

function borrowRepay(ctx: SignedCtx) {
  const { params, account, state } = ctx;
  const asset = params.required('asset');
  const amount = dec(params.decimal('amount'));
  const type = params.required('type');
  if (!BORROW_TYPES.includes(type as (typeof BORROW_TYPES)[number])) throw err.invalidParam('type');
  if (!amount.gt(0)) throw err.invalidParam('amount');
  const isolated = params.bool('isIsolated') ?? false;
  let balances: Map<string, Balance> | undefined;
  let bar: Dec = account.bars.normalBar;
  if (isolated) {
    const pair = account.isolated.get(params.required('symbol'));
    if (!pair) throw err.noMarginAccount();
    if (asset !== pair.base.asset && asset !== pair.quote.asset) throw err.invalidParam('asset');
    balances = new Map([[pair.base.asset, pair.base], [pair.quote.asset, pair.quote]]);
    bar = pair.normalBar;
  } else balances = account.assets;
  if (!state.isStable(asset) && !state.prices.has(asset)) throw err.invalidParam('asset');
  const b = balances.get(asset) ?? emptyBalance(asset);
  if (type === 'BORROW') {
    const after = { ...b, free: b.free.plus(amount), borrowed: b.borrowed.plus(amount) };
    const others = [...balances.values()].filter((x) => x.asset !== asset);
    const level = crossValue(state, [...others, after]).marginLevel;
    // Borrowing may not take the account below its initial (normal) bar: Binance's max-borrowable rule.
    if (level !== undefined && level.lt(bar)) throw err.exceedBorrow();
    Object.assign(b, after);
  } else {
    if (amount.gt(owed(b))) throw err.repayExceeds();
    if (amount.gt(b.free)) throw err.balanceNotEnough();
    const toInterest = Dec.min(amount, b.interest);
    b.interest = b.interest.minus(toInterest);
    b.borrowed = b.borrowed.minus(amount.minus(toInterest));
    b.free = b.free.minus(amount);
  }
  balances.set(asset, b);
  return { tranId: state.id() };
}

export const marginRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sapi/v1/margin/account',
    weight: 10,
    limit: 'IP',
    security: 'USER_DATA',
    margin: true,
    handler: (ctx) => {
      const { value, marginLevel, totals, userAssets } = crossAccountView(ctx, ctx.account);
      return {
        created: true,
        borrowEnabled: true,
        marginLevel,
        // (choice) no collateral haircut: collateral margin level equals the margin level.
        collateralMarginLevel: marginLevel,
        ...totals,
        TotalCollateralValueInUSDT: fmt8(value.assetUsd),
        totalOpenOrderLossInUSDT: '0.00000000',
        tradeEnabled: true,
        transferInEnabled: true,
        transferOutEnabled: true,
        // MARGIN_1 = Cross Margin Classic, MARGIN_2 = Cross Margin Pro. (choice) a PM Pro account also
        // answers as MARGIN_1: identify PM Pro with GET /sapi/v1/portfolio/account.
        accountType: ctx.account.mode === 'CROSS_MARGIN_PRO' ? 'MARGIN_2' : 'MARGIN_1',
        userAssets,
      };
    },
  },
  {
    method: 'GET',
    path: '/sapi/v1/margin/tradeCoeff',
    weight: 10,
    limit: 'IP',
    security: 'USER_DATA',
    margin: true,
    handler: ({ account }) => ({
      normalBar: account.bars.normalBar.toString(),
      marginCallBar: account.bars.marginCallBar.toString(),
      forceLiquidationBar: account.bars.forceLiquidationBar.toString(),
    }),
  },
  {
    method: 'GET',
    path: '/sapi/v1/margin/isolated/account',
    weight: 10,
    limit: 'IP',
    security: 'USER_DATA',
    margin: true,
    handler: (ctx) => {
      const { state, account, params } = ctx;
      const filter = params.get('symbols')?.split(',');
      if (filter && filter.length > 5) throw err.invalidParam('symbols');
      const pairs = [...account.isolated.values()].filter((p) => !filter || filter.includes(p.symbol));
      const assets = pairs.map((pair) => {
        const v = pairValue(state, pair);
        return {
          baseAsset: isolatedSide(ctx, pair.base),
          quoteAsset: isolatedSide(ctx, pair.quote),
          symbol: pair.symbol,
          isolatedCreated: true,
          enabled: true,
          marginLevel: marginLevelString(v.marginLevel),
          marginLevelStatus: pairStatus(pair, v.marginLevel),
          marginRatio: fmt8(pair.marginRatio),
          indexPrice: fmt8(symbolPrice(state, pair.symbol) ?? ZERO),
          liquidatePrice: fmt8(liquidatePrice(pair)),
          // (choice) liquidateRate reports the pair's liquidation bar.
          liquidateRate: fmt8(pair.forceLiquidationBar),
          tradeEnabled: true,
        };
      });
      if (filter) return { assets };
      const all = crossValue(state, pairs.flatMap((p) => [p.base, p.quote]));
      return { assets, ...btcTotals(state, all) };
    },
  },
  {
    method: 'GET',
    path: '/sapi/v1/margin/forceLiquidationRec',
    weight: 1,
    limit: 'IP',
    security: 'USER_DATA',
    margin: true,
    handler: ({ account, params }) => {
      const start = params.int('startTime') ?? 0;
      const end = params.int('endTime') ?? Number.MAX_SAFE_INTEGER;
      const isolatedSymbol = params.get('isolatedSymbol');
      const current = Math.max(1, params.int('current') ?? 1);
      const size = Math.min(100, Math.max(1, params.int('size') ?? 10));
      // (choice) without isolatedSymbol every row is returned, cross and isolated (rows carry isIsolated).
      const rows = account.liquidations
        .filter((r) => r.updatedTime >= start && r.updatedTime <= end)
        .filter((r) => !isolatedSymbol || (r.isIsolated && r.symbol === isolatedSymbol))
        .sort((a, b) => b.updatedTime - a.updatedTime);
      return {
        rows: rows.slice((current - 1) * size, current * size).map((r) => ({
          avgPrice: fmt8(r.avgPrice),
          executedQty: fmt8(r.qty),
          orderId: r.orderId,
          price: fmt8(r.price),
          qty: fmt8(r.qty),
          side: r.side,
          symbol: r.symbol,
          timeInForce: 'GTC',
          isIsolated: r.isIsolated,
          updatedTime: r.updatedTime,
        })),
        total: rows.length,
      };
    },
  },
  {
    method: 'GET',
    path: '/sapi/v1/margin/priceIndex',
    weight: 10,
    limit: 'IP',
    security: 'NONE',
    handler: ({ state, params, now }) => {
      const symbol = params.required('symbol');
      const price = symbolPrice(state, symbol);
      if (!price) throw err.badSymbol();
      return { calcTime: now, price: fmt8(price), symbol };
    },
  },
  {
    method: 'POST',
    path: '/sapi/v1/margin/borrow-repay',
    weight: 1500,
    limit: 'UID',
    security: 'MARGIN',
    margin: true,
    handler: borrowRepay,
  },
];
