import { fmt8 } from '../decimal';
import type { Route } from '../route';

/**
 * "Account information (USER_DATA)", GET /api/v3/account, weight 20 on the shared /api IP budget
 * (binance-spot-api-docs rest-api.md). (choice) Commissions are fixed at Binance's default tier.
 */
export const spotRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v3/account',
    weight: 20,
    limit: 'API',
    security: 'USER_DATA',
    handler: ({ account, key, params, now }) => {
      const omitZero = params.bool('omitZeroBalances') ?? false;
      const balances = [...account.spot.values()]
        .filter((b) => !omitZero || b.free.plus(b.locked).gt(0))
        .map((b) => ({ asset: b.asset, free: fmt8(b.free), locked: fmt8(b.locked) }));
      return {
        makerCommission: 10,
        takerCommission: 10,
        buyerCommission: 0,
        sellerCommission: 0,
        commissionRates: { maker: '0.00100000', taker: '0.00100000', buyer: '0.00000000', seller: '0.00000000' },
        canTrade: key.permissions.enableSpotAndMarginTrading,
        canWithdraw: key.permissions.enableWithdrawals,
        canDeposit: true,
        brokered: false,
        requireSelfTradePrevention: false,
        preventSor: false,
        updateTime: now,
        accountType: 'SPOT',
        balances,
        permissions: ['SPOT'],
        uid: account.uid,
      };
    },
  },
];
