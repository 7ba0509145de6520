import { Dec, ZERO, fmt8 } from '../decimal';
import { err } from '../errors';
import { NO_DEBT_LEVEL } from '../policy';
import type { Route, SignedCtx } from '../route';
import type { Account, SimState } from '../state';
import { portfolioStatus, portfolioValue } from '../valuation';

/** "Get Portfolio Margin Pro Account Info": -21001 for an account that is not Portfolio Margin. */
function requirePmPro(ctx: SignedCtx): void {
  if (ctx.account.mode !== 'PORTFOLIO_MARGIN_PRO') throw err.notPortfolioMargin();
}

/**
 * (choice) Binance does not publish its initial-margin formula: initial margin is taken as twice the
 * maintenance margin (the same one rate the scenario gives), and the available balance as what equity
 * holds above it, never below zero.
 */
const INITIAL_TO_MAINT = 2;

/** A PM Pro account's figures as the REST answer and the PM Pro user data stream give them (the same numbers). */
export function pmProFigures(state: SimState, account: Account) {
  const v = portfolioValue(state, account);
  const initialMargin = v.maintMargin.times(INITIAL_TO_MAINT);
  return {
    uniMMR: v.uniMMR === undefined ? NO_DEBT_LEVEL : fmt8(v.uniMMR),
    equity: fmt8(v.equity),
    maintMargin: fmt8(v.maintMargin),
    initialMargin: fmt8(initialMargin),
    available: fmt8(Dec.max(ZERO, v.equity.minus(initialMargin))),
    status: portfolioStatus(account, v.uniMMR),
  };
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
