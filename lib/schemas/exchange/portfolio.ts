import { z } from 'zod';
import { decimalStringSchema as dec, idSchema } from './common';

// GET /sapi/v1/portfolio/account. accountType PM_1 = Portfolio Margin Pro.
// totalAvailableBalance is documented as "ignored for PM PRO" and its example carries a thousands comma, so it is
// kept as an opaque string rather than a decimal.
export const portfolioAccountSchema = z.looseObject({
  uniMMR: dec,
  accountEquity: dec,
  actualEquity: dec.optional(),
  accountMaintMargin: dec,
  accountInitialMargin: z.string().optional(),
  totalAvailableBalance: z.string().optional(),
  accountStatus: z.string(),
  accountType: z.string(),
});

// GET /sapi/v1/portfolio/pmLoan — amount "0" when there is no bankruptcy loan.
export const portfolioLoanSchema = z.looseObject({ asset: z.string(), amount: dec });

// POST /sapi/v1/portfolio/repay
export const portfolioRepaySchema = z.looseObject({ tranId: idSchema });

export type PortfolioAccount = z.output<typeof portfolioAccountSchema>;
