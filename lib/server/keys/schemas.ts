import 'server-only';
import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { parseIpList } from '@/lib/keys/ip-list';
import { IMPLAUSIBLE_DATE, isPlausibleDate } from '@/lib/security/input';

// Request bodies of /api/keys and /api/terms, parsed at the boundary: bad input never reaches the exchange.

const ipListSchema = z.string().max(4000).transform((value, ctx) => {
  const parsed = parseIpList(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.ips;
});

export const specialKeyIdSchema = z.string().regex(/^special:[0-9a-f-]{36}$/, 'a special key from the Keys page');

export const createSpecialKeySchema = z.object({
  account: z.email('the sub-account’s email'),
  apiName: z.string().trim().min(1, 'a name is required').max(40).regex(/^[\w.-]+$/, 'letters, digits, ".", "_" and "-" only'),
  symbol: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{5,20}$/, 'an isolated pair such as BTCUSDT').optional(),
  ip: ipListSchema,
  permissionMode: z.enum(['TRADE', 'READ']).default('TRADE'),
  publicKey: z
    .string()
    .trim()
    .max(4000)
    .refine((pem) => {
      try {
        const type = createPublicKey(pem).asymmetricKeyType;
        return type === 'ed25519' || type === 'rsa';
      } catch {
        return false;
      }
    }, 'an Ed25519 or RSA public key in PEM form (-----BEGIN PUBLIC KEY-----)')
    .optional(),
  /** The owner saw and accepted that the account becomes bound to the LiquidationLoan policy. */
  confirmBinding: z.boolean().default(false),
});

export const editIpSchema = z.object({ keyId: specialKeyIdSchema, ip: ipListSchema });
export const deleteSpecialKeySchema = z.object({ keyId: specialKeyIdSchema });

export const termsSchema = z.object({
  signedOn: z.iso
    .date('a date (YYYY-MM-DD)')
    .refine(isPlausibleDate, IMPLAUSIBLE_DATE)
    .refine((d) => Date.parse(d) <= Date.now(), 'the signing date cannot be in the future'),
  note: z.string().trim().max(500).default(''),
});

export type CreateSpecialKeyInput = z.output<typeof createSpecialKeySchema>;
