import type { Route } from '../route';

export const accountRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sapi/v1/account/apiRestrictions',
    weight: 1,
    limit: 'IP',
    security: 'USER_DATA',
    handler: ({ key }) => {
      const p = key.permissions;
      return {
        ipRestrict: key.ip.some((x) => x !== '0.0.0.0'),
        createTime: key.createTime,
        enableReading: p.enableReading,
        enableWithdrawals: p.enableWithdrawals,
        enableInternalTransfer: p.enableInternalTransfer,
        enableMargin: p.enableMargin,
        enableFutures: p.enableFutures,
        permitsUniversalTransfer: p.permitsUniversalTransfer,
        enableVanillaOptions: p.enableVanillaOptions,
        enableFixApiTrade: false,
        enableFixReadOnly: false,
        enableSpotAndMarginTrading: p.enableSpotAndMarginTrading,
        enablePortfolioMarginTrading: p.enablePortfolioMarginTrading,
      };
    },
  },
];
