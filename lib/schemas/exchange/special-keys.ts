import { z } from 'zod';

// GET /sapi/v1/margin/apiKey and each row of GET /sapi/v1/margin/api-key-list. `ip` "0.0.0.0" is only Binance's
// initial state — the risk rules read it as "no whitelist" (docs/domain.md#keys).
export const specialKeySchema = z.looseObject({
  apiName: z.string(),
  apiKey: z.string(),
  ip: z.string(),
  type: z.string(),
  permissionMode: z.string().optional(),
});

export const specialKeyListSchema = z.array(specialKeySchema);

// POST /sapi/v1/margin/apiKey — secretKey is null for RSA/Ed25519 keys. The client never logs it.
export const createSpecialKeySchema = z.looseObject({
  apiKey: z.string(),
  secretKey: z.string().nullable().optional(),
  type: z.string(),
});

export type SpecialKey = z.output<typeof specialKeySchema>;
