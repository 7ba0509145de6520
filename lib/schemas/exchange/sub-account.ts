import { z } from 'zod';
import { decimalStringSchema as dec, epochMsSchema, idSchema } from './common';
import { marginTradeCoeffSchema, marginUserAssetSchema } from './margin';

// GET /sapi/v1/sub-account/list (paged: page, limit ≤ 200)
export const subAccountListSchema = z.looseObject({
  subAccounts: z.array(
    z.looseObject({
      subUserId: idSchema.optional(),
      email: z.string(),
      remark: z.string().optional(),
      isFreeze: z.boolean(),
      createTime: epochMsSchema,
      isManagedSubAccount: z.boolean().optional(),
      isAssetManagementSubAccount: z.boolean().optional(),
    }),
  ),
});

const btcTotals = { totalAssetOfBtc: dec, totalLiabilityOfBtc: dec, totalNetAssetOfBtc: dec };

// GET /sapi/v1/sub-account/margin/accountSummary
export const subAccountMarginSummarySchema = z.looseObject({
  ...btcTotals,
  subAccountList: z.array(z.looseObject({ email: z.string(), ...btcTotals })),
});

// GET /sapi/v1/sub-account/margin/account — the master's only view of a sub-account's bars (DESIGN §2).
export const subAccountMarginAccountSchema = z.looseObject({
  email: z.string(),
  marginLevel: dec,
  ...btcTotals,
  marginTradeCoeffVo: marginTradeCoeffSchema,
  marginUserAssetVoList: z.array(marginUserAssetSchema),
});

// GET /sapi/v1/sub-account/subAccountApi — note Binance spells the field `apikey` here.
export const subAccountApiKeysSchema = z.looseObject({
  total: z.number().int().optional(),
  rows: z
    .array(
      z.looseObject({
        email: z.string().optional(),
        apiName: z.string().optional(),
        apikey: z.string().optional(),
        canTrade: z.boolean().optional(),
        canMarginLoanRepay: z.boolean().optional(),
        canFuturesTrade: z.boolean().optional(),
        canUniversalTransfer: z.boolean().optional(),
        canVanillaOptions: z.boolean().optional(),
        timestamp: epochMsSchema.optional(),
      }),
    )
    .optional(),
});

export type SubAccountList = z.output<typeof subAccountListSchema>;
export type SubAccountMarginAccount = z.output<typeof subAccountMarginAccountSchema>;
