import { z } from 'zod';
import { decimalStringSchema as dec, emptyObjectSchema, epochMsSchema, idSchema } from './common';

const loanSchema = z.looseObject({
  asset: z.string(),
  amount: dec,
  repaidAmount: dec,
  remainingAmount: dec,
});

// GET /sapi/v1/margin/liquidation-loan. An empty body or `{}` means "no loan" (docs/domain.md#exposure), normalised to null
// so a missing loan is never mistaken for a zero-amount one.
export const liquidationLoanSchema = z.union([
  loanSchema,
  z.null().transform(() => null),
  emptyObjectSchema.refine((o) => Object.keys(o).length === 0).transform(() => null),
]);

const repaySchema = z.looseObject({
  repayId: idSchema,
  asset: z.string(),
  amount: dec,
  status: z.string(),
  createTime: epochMsSchema,
});

// POST /sapi/v1/margin/liquidation-loan/repay
export const liquidationLoanRepaySchema = repaySchema;

// GET /sapi/v1/margin/liquidation-loan/repay-history
export const liquidationLoanRepayHistorySchema = z.looseObject({
  total: z.number().int(),
  rows: z.array(repaySchema),
});

export type LiquidationLoan = z.output<typeof liquidationLoanSchema>;
