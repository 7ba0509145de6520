import 'server-only';
import { z } from 'zod';
import { SIGNER_TYPES } from '@/lib/contracts/connections';
import { getEnv } from '@/lib/env';
import { exchangeUrlProblem } from '@/lib/security/exchange-url';

// Request bodies of /api/connections. Parsed at the boundary; the lib functions receive typed values.

export const baseUrlSchema = z
  .string()
  .trim()
  .max(2048, 'a base URL of at most 2048 characters')
  .pipe(z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL such as https://api.binance.com' }))
  .refine((v) => {
    // zod keeps checking after a failed url(): that failure already explains an unparseable value.
    if (!URL.canParse(v)) return true;
    const u = new URL(v);
    return !u.search && !u.hash && !u.username && !u.password;
  }, 'a base URL without query, fragment or credentials')
  .superRefine((v, ctx) => {
    if (!URL.canParse(v)) return;
    const env = getEnv();
    const problem = exchangeUrlProblem(v, { demo: env.demo, allowPrivate: env.MARGINWATCH_ALLOW_PRIVATE_EXCHANGE ?? false });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((v) => v.replace(/\/+$/, ''));

// Binance API keys (HMAC, Ed25519 and RSA alike) are 64 letters and digits.
export const apiKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{64}$/, 'a Binance API key is 64 letters and digits — check it was copied whole');

const secretSchema = z.string().trim().min(1, 'the secret (or private key) is required').max(8192);

export const addMasterSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(80),
  baseUrl: baseUrlSchema,
  apiKey: apiKeySchema,
  signerType: z.enum(SIGNER_TYPES),
  secret: secretSchema,
});

export const addSubKeySchema = z.object({
  accountEmail: z.email('the sub-account email'),
  name: z.string().trim().max(80).optional(),
  apiKey: apiKeySchema,
  signerType: z.enum(SIGNER_TYPES),
  secret: secretSchema,
});

export const rotateSchema = z.object({ secret: secretSchema });

export const connectionIdSchema = z.object({ id: z.uuid('a connection id') });

export type AddMasterInput = z.output<typeof addMasterSchema>;
export type AddSubKeyInput = z.output<typeof addSubKeySchema>;
