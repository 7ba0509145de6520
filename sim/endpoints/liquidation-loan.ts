import { dec, fmt8 } from '../decimal';
import { err } from '../errors';
import type { Route } from '../route';

const WEEK_MS = 7 * 86_400_000;
const MAX_RANGE_MS = 90 * 86_400_000;
/** The loan is in USDC; (choice) repaying with USDT or USDC is accepted 1:1 (both are stablecoins). */
const REPAY_ASSETS = ['USDC', 'USDT'];

export const liquidationLoanRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sapi/v1/margin/liquidation-loan',
    weight: 100,
    limit: 'UID',
    security: 'USER_DATA',
    margin: true,
    // (choice) no outstanding loan answers `{}`: docs/domain.md#exposure has clients read an empty body as "no loan".
    handler: ({ account }) => {
      const loan = account.liquidationLoan;
      if (!loan) return {};
      const remaining = loan.amount.minus(loan.repaid);
      if (!remaining.gt(0)) return {};
      return { asset: loan.asset, amount: fmt8(loan.amount), repaidAmount: fmt8(loan.repaid), remainingAmount: fmt8(remaining) };
    },
  },
  {
    method: 'POST',
    path: '/sapi/v1/margin/liquidation-loan/repay',
    weight: 100,
    limit: 'UID',
    security: 'MARGIN',
    margin: true,
    handler: ({ state, account, params, now }) => {
      const asset = params.required('asset');
      const amount = dec(params.decimal('amount'));
      if (!REPAY_ASSETS.includes(asset)) throw err.invalidParam('asset');
      if (!amount.gt(0)) throw err.invalidParam('amount');
      const loan = account.liquidationLoan;
      // Binance: "cannot exceed the remaining loan balance".
      if (!loan || amount.gt(loan.amount.minus(loan.repaid))) throw err.noLiquidationLoan();
      // "Repays the outstanding cross-margin liquidation loan from the user's spot wallet" ("Liquidation Loan
      // Repay (MARGIN)"): the margin wallet is never touched. "If the transfer fails, an error is returned
      // directly": (choice) -3041 "Balance is not enough", the margin family's published code for it.
      const spot = account.spot.get(asset);
      if (!spot || spot.free.lt(amount)) throw err.balanceNotEnough();
      spot.free = spot.free.minus(amount);
      loan.repaid = loan.repaid.plus(amount);
      const repay = { repayId: state.id(), asset, amount, createTime: now };
      account.loanRepays.push(repay);
      return { repayId: repay.repayId, asset, amount: fmt8(amount), status: 'SUCCESS', createTime: now };
    },
  },
  {
    method: 'GET',
    path: '/sapi/v1/margin/liquidation-loan/repay-history',
    weight: 100,
    limit: 'UID',
    security: 'USER_DATA',
    margin: true,
    handler: ({ account, params, now }) => {
      const end = params.int('endTime') ?? now;
      // Binance: defaults to the last 7 days and clamps the start to 90 days ago.
      const start = Math.max(params.int('startTime') ?? end - WEEK_MS, now - MAX_RANGE_MS);
      const current = Math.max(1, params.int('current') ?? 1);
      const size = Math.max(1, params.int('size') ?? 50);
      const rows = account.loanRepays.filter((r) => r.createTime >= start && r.createTime <= end);
      return {
        total: rows.length,
        rows: rows.slice((current - 1) * size, current * size).map((r) => ({
          repayId: r.repayId,
          asset: r.asset,
          amount: fmt8(r.amount),
          status: 'SUCCESS',
          createTime: r.createTime,
        })),
      };
    },
  },
];
