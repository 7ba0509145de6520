import { z } from 'zod';
import { DEFAULT_RISK_CONFIG } from '@/lib/risk/config';
import { RANKED_STATUSES } from './status-severity';
import { CONDITION_KINDS, type AlertRule } from './types';

const decimal = z.string().trim().regex(/^-?\d+(\.\d+)?$/, 'must be a number such as 10 or 1.25');
const nonNegative = decimal.refine((s) => Number(s) >= 0, 'must not be negative');

const shocks = DEFAULT_RISK_CONFIG.shocks;
const SHOCK_MIN = Math.round(shocks[0]! * 100);
const SHOCK_MAX = Math.round(shocks[shocks.length - 1]! * 100);

const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('account'), email: z.string().trim().email('must be an account email') }),
  z.object({ kind: z.literal('label'), label: z.string().trim().min(1, 'must not be empty').max(64) }),
]);

/**
 * A rule as an owner saves it. Every threshold is checked against its kind, so a rule that could never
 * mean anything (a negative distance, a shock of −100 %) is refused with the field named, nothing saved.
 */
export const alertRuleInputSchema = z
  .object({
    kind: z.enum(CONDITION_KINDS),
    enabled: z.boolean().default(true),
    threshold: z.string().trim().min(1, 'is required'),
    rearmMargin: nonNegative.default('0'),
    escalationStep: nonNegative.refine((s) => Number(s) > 0, 'must be above 0 (or left empty)').nullable().default(null),
    shockPercent: decimal.nullable().default(null),
    scope: scopeSchema.default({ kind: 'all' }),
  })
  .superRefine((rule, ctx) => {
    const bad = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (rule.kind === 'status_worsens') {
      if (!(RANKED_STATUSES as readonly string[]).includes(rule.threshold)) bad('threshold', `must be one of ${RANKED_STATUSES.join(', ')}`);
    } else if (!nonNegative.safeParse(rule.threshold).success) {
      bad('threshold', 'must be a number that is not negative');
    } else if (rule.kind === 'liquidation_distance' && Number(rule.threshold) > 100) {
      bad('threshold', 'a distance is a percentage of at most 100');
    }
    const needsShock = rule.kind === 'projected_loan' || rule.kind === 'projected_loan_total';
    if (needsShock) {
      const s = rule.shockPercent === null ? NaN : Number(rule.shockPercent);
      if (Number.isNaN(s)) bad('shockPercent', 'is required for a projected loan');
      else if (s <= -100) bad('shockPercent', 'must be above −100 % (a price cannot fall below zero)');
      else if (s < SHOCK_MIN || s > SHOCK_MAX) bad('shockPercent', `must be within the stress grid, ${SHOCK_MIN} % to +${SHOCK_MAX} %`);
    } else if (rule.shockPercent !== null) {
      bad('shockPercent', 'only a projected-loan rule takes a shock');
    }
    if ((rule.kind === 'projected_loan_total' || rule.kind === 'refresh_failing' || rule.kind === 'exit_half_done') && rule.scope.kind !== 'all') {
      bad('scope', 'a master-level rule covers the whole desk');
    }
  });

export type AlertRuleInput = z.infer<typeof alertRuleInputSchema>;

export function ruleFromInput(id: string, input: AlertRuleInput): AlertRule {
  return { id, ...input, threshold: input.threshold.trim() };
}
