import 'server-only';
import { z } from 'zod';
import { DEFAULT_SHOCK_A, DEFAULT_SHOCK_B } from '@/lib/contracts/accounts';
import { badRequest } from '@/lib/server/api/errors';
import { ShockNotOnGridError } from '@/lib/server/views/accounts';

const shock = (fallback: number) =>
  z.coerce
    .number({ error: 'a shock is a number such as -0.2 (for −20 %)' })
    .gt(-1, 'a shock must be above −100 %')
    .lte(1, 'a shock must be at most +100 %')
    .default(fallback);

export const shockQuery = z.object({ shockA: shock(DEFAULT_SHOCK_A), shockB: shock(DEFAULT_SHOCK_B) });

/** A URL-encoded email from the path; Next may hand it over encoded or not. */
export const emailParams = z.object({
  email: z
    .string()
    .transform((s) => (s.includes('%') ? decodeURIComponent(s) : s))
    .pipe(z.string().trim().min(3).max(320)),
});

export function asBadRequest(error: unknown): never {
  if (error instanceof ShockNotOnGridError) throw badRequest(`Invalid query: ${error.message}`);
  throw error;
}
