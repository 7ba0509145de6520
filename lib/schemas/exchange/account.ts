import { z } from 'zod';
import { epochMsSchema } from './common';

// GET /sapi/v1/account/apiRestrictions — the permission flags shown when a connection is saved; a key with
// enableWithdrawals gets a warning (docs/domain.md#keys).
export const apiRestrictionsSchema = z.looseObject({
  ipRestrict: z.boolean(),
  createTime: epochMsSchema,
  enableReading: z.boolean(),
  enableWithdrawals: z.boolean(),
  enableInternalTransfer: z.boolean().optional(),
  enableMargin: z.boolean(),
  enableFutures: z.boolean().optional(),
  permitsUniversalTransfer: z.boolean().optional(),
  enableVanillaOptions: z.boolean().optional(),
  enableFixApiTrade: z.boolean().optional(),
  enableFixReadOnly: z.boolean().optional(),
  enableSpotAndMarginTrading: z.boolean(),
  enablePortfolioMarginTrading: z.boolean().optional(),
  tradingAuthorityExpirationTime: z.number().int().optional(),
});

export type ApiRestrictions = z.output<typeof apiRestrictionsSchema>;
