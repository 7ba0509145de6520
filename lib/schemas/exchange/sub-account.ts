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

// GET /sapi/v1/sub-account/margin/account — the master's only view of a sub-account's bars (docs/domain.md#exchange).
export const subAccountMarginAccountSchema = z.looseObject({
  email: z.string(),
  marginLevel: dec,
  ...btcTotals,
  marginTradeCoeffVo: marginTradeCoeffSchema,
  marginUserAssetVoList: z.array(marginUserAssetSchema),
});

// GET /sapi/v1/sub-account/subAccountApi ("Query Sub-account API Key (For Master Account)", weight 3000 UID; paged by
// `page` and `size` ≤ 100). The shape follows Binance's official connectors: `{total, list}`, the key spelled
// `apikey`, `timestamp` its creation time. Nothing marks a key special: only the account's own key can tell.
export const subAccountApiKeysSchema = z.looseObject({
  total: z.number().int(),
  list: z.array(
    z.looseObject({
      email: z.string().optional(),
      apiName: z.string().optional(),
      apikey: z.string(),
      canTrade: z.boolean().optional(),
      canMarginLoanRepay: z.boolean().optional(),
      canFuturesTrade: z.boolean().optional(),
      canUniversalTransfer: z.boolean().optional(),
      canVanillaOptions: z.boolean().optional(),
      timestamp: epochMsSchema.optional(),
    }),
  ),
});

export type SubAccountList = z.output<typeof subAccountListSchema>;
export type SubAccountMarginAccount = z.output<typeof subAccountMarginAccountSchema>;
