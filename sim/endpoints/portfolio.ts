import { ZERO, fmt8 } from '../decimal';
import { err } from '../errors';
import type { Route, SignedCtx } from '../route';
import { pmProFigures } from '../valuation';

/** "Get Portfolio Margin Pro Account Info": -21001 for an account that is not Portfolio Margin. */
function requirePmPro(ctx: SignedCtx): void {
  if (ctx.account.mode !== 'PORTFOLIO_MARGIN_PRO') throw err.notPortfolioMargin();
}

export const portfolioRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sapi/v1/portfolio/account',
    // developers.binance.com/docs/derivatives/portfolio-margin-pro/account/Get-Portfolio-Margin-Pro-Account-Info: "Weight(UID): 5".
    weight: 5,
    limit: 'UID',
    security: 'USER_DATA',
    handler: (ctx) => {
      requirePmPro(ctx);
      const f = pmProFigures(ctx.state, ctx.account);
      return {
        uniMMR: f.uniMMR,
        accountEquity: f.equity,
        // (choice) no collateral haircut, so actual equity equals account equity.
        actualEquity: f.equity,
        accountMaintMargin: f.maintMargin,
        accountInitialMargin: f.initialMargin,
        totalAvailableBalance: f.available,
        accountStatus: f.status,
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
      // The whole loan is repaid. (choice) the paying wallet (`from`) is not debited: PM Pro balances are one pool here.
      ctx.account.pmLoan = undefined;
      ctx.account.pmBankrupt = false;
      return { tranId: ctx.state.id() };
    },
  },
];
