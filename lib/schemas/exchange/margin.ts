import { z } from 'zod';
import { amountStringSchema as amount, decimalStringSchema as dec, epochMsSchema, idSchema } from './common';

export const marginUserAssetSchema = z.looseObject({
  asset: z.string(),
  borrowed: amount,
  free: amount,
  interest: amount,
  locked: amount,
  netAsset: dec,
});

// GET /sapi/v1/margin/account. accountType MARGIN_1 = Cross Margin Classic, MARGIN_2 = Cross Margin Pro (sunset).
export const marginAccountSchema = z.looseObject({
  created: z.boolean().optional(),
  borrowEnabled: z.boolean(),
  marginLevel: dec,
  collateralMarginLevel: dec.optional(),
  totalAssetOfBtc: dec,
  totalLiabilityOfBtc: dec,
  totalNetAssetOfBtc: dec,
  TotalCollateralValueInUSDT: dec.optional(),
  totalOpenOrderLossInUSDT: dec.optional(),
  tradeEnabled: z.boolean(),
  transferInEnabled: z.boolean().optional(),
  transferOutEnabled: z.boolean().optional(),
  accountType: z.string(),
  userAssets: z.array(marginUserAssetSchema),
});

// GET /sapi/v1/margin/tradeCoeff — the bars are per account; never hard-code 1.1 (docs/domain.md#exposure).
export const marginTradeCoeffSchema = z.looseObject({
  normalBar: dec,
  marginCallBar: dec,
  forceLiquidationBar: dec,
});

const isolatedAssetSchema = z.looseObject({
  asset: z.string(),
  borrowEnabled: z.boolean().optional(),
  borrowed: dec,
  free: dec,
  interest: dec,
  locked: dec,
  netAsset: dec,
  netAssetOfBtc: dec.optional(),
  repayEnabled: z.boolean().optional(),
  totalAsset: dec,
});

export const isolatedPairSchema = z.looseObject({
  symbol: z.string(),
  baseAsset: isolatedAssetSchema,
  quoteAsset: isolatedAssetSchema,
  isolatedCreated: z.boolean().optional(),
  enabled: z.boolean().optional(),
  marginLevel: dec,
  marginLevelStatus: z.string(),
  marginRatio: dec.optional(),
  indexPrice: dec.optional(),
  liquidatePrice: dec,
  liquidateRate: dec,
  tradeEnabled: z.boolean().optional(),
});

// GET /sapi/v1/margin/isolated/account — the totals are absent when `symbols` is sent.
export const isolatedAccountSchema = z.looseObject({
  assets: z.array(isolatedPairSchema),
  totalAssetOfBtc: dec.optional(),
  totalLiabilityOfBtc: dec.optional(),
  totalNetAssetOfBtc: dec.optional(),
});

// GET /sapi/v1/margin/forceLiquidationRec
export const forceLiquidationRecSchema = z.looseObject({
  rows: z.array(
    z.looseObject({
      avgPrice: dec,
      executedQty: dec,
      orderId: idSchema,
      price: dec,
      qty: dec,
      side: z.string(),
      symbol: z.string(),
      timeInForce: z.string(),
      isIsolated: z.boolean().optional(),
      updatedTime: epochMsSchema,
    }),
  ),
  total: z.number().int(),
});

// GET /sapi/v1/margin/priceIndex
export const priceIndexSchema = z.looseObject({ calcTime: epochMsSchema, price: dec, symbol: z.string() });

// POST /sapi/v1/margin/borrow-repay
export const borrowRepaySchema = z.looseObject({ tranId: idSchema });

export type MarginAccount = z.output<typeof marginAccountSchema>;
export type MarginTradeCoeff = z.output<typeof marginTradeCoeffSchema>;
export type IsolatedAccount = z.output<typeof isolatedAccountSchema>;
