import { ZERO, fmt8 } from '../decimal';
import { err } from '../errors';
import { NO_DEBT_LEVEL } from '../policy';
import type { Route, SignedCtx } from '../route';
import { portfolioStatus, portfolioValue } from '../valuation';

function requirePmPro(ctx: SignedCtx): void {
  if (ctx.account.mode !== 'PORTFOLIO_MARGIN_PRO') throw err.notPortfolioPro();
}

export const portfolioRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sapi/v1/portfolio/account',
    weight: 5,
    limit: 'IP',
    security: 'USER_DATA',
    handler: (ctx) => {
      requirePmPro(ctx);
      const v = portfolioValue(ctx.state, ctx.account);
      return {
        uniMMR: v.uniMMR === undefined ? NO_DEBT_LEVEL : fmt8(v.uniMMR),
        accountEquity: fmt8(v.equity),
        // (choice) no collateral haircut, so actual equity equals account equity.
        actualEquity: fmt8(v.equity),
        accountMaintMargin: fmt8(v.maintMargin),
        accountStatus: portfolioStatus(ctx.account, v.uniMMR),
        accountType: 'PM_1',
      };
    },
  },
  {
    method: 'GET',
    path: '/sapi/v1/portfolio/pmLoan',
    weight: 500,
    limit: 'UID',
    security: 'USER_DATA',
    // Binance: "If there's no ... bankruptcy loan, the amount would be 0".
    handler: (ctx) => {
      requirePmPro(ctx);
      const loan = ctx.account.pmLoan;
      return { asset: loan?.asset ?? 'USDT', amount: fmt8(loan?.amount ?? ZERO) };
    },
  },
  {
    method: 'POST',
    path: '/sapi/v1/portfolio/repay',
    weight: 3000,
    limit: 'UID',
    security: 'TRADE',
    handler: (ctx) => {
      requirePmPro(ctx);
      const from = ctx.params.get('from') ?? 'SPOT';
      if (from !== 'SPOT' && from !== 'MARGIN') throw err.invalidParam('from');
      const loan = ctx.account.pmLoan;
      if (!loan || !loan.amount.gt(0)) throw err.noBankruptcyLoan();
      // The whole loan is repaid; the paying wallet is not modelled.
      ctx.account.pmLoan = undefined;
      ctx.account.pmBankrupt = false;
      return { tranId: ctx.state.id() };
    },
  },
];
