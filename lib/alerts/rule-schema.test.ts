import { describe, expect, it } from 'vitest';
import { alertRuleInputSchema } from './rule-schema';

const firstIssue = (input: unknown) => {
  const r = alertRuleInputSchema.safeParse(input);
  return r.success ? null : `${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`;
};

describe('rule input', () => {
  it.each([
    [{ kind: 'liquidation_distance', threshold: '-5' }, /threshold: must be a number that is not negative/],
    [{ kind: 'liquidation_distance', threshold: '150' }, /threshold: a distance is a percentage/],
    [{ kind: 'projected_loan', threshold: '1000', shockPercent: '-100' }, /shockPercent: must be above −100 %/],
    [{ kind: 'projected_loan', threshold: '1000', shockPercent: '-80' }, /shockPercent: must be within the stress grid, -60 % to \+60 %/],
    [{ kind: 'projected_loan', threshold: '1000' }, /shockPercent: is required/],
    [{ kind: 'margin_level', threshold: '1.3', shockPercent: '-10' }, /shockPercent: only a projected-loan rule/],
    [{ kind: 'status_worsens', threshold: 'NORMAL' }, /threshold: must be one of MARGIN_CALL/],
    [{ kind: 'margin_level', threshold: 'abc' }, /threshold: must be a number/],
    [{ kind: 'margin_level', threshold: '1.3', escalationStep: '0' }, /escalationStep: must be above 0/],
    [{ kind: 'margin_level', threshold: '1.3', rearmMargin: '-0.1' }, /rearmMargin: must not be negative/],
    [{ kind: 'refresh_failing', threshold: '10', scope: { kind: 'account', email: 'a@b.example' } }, /scope: a master-level rule/],
    [{ kind: 'margin_level', threshold: '1.3', scope: { kind: 'account', email: 'nope' } }, /scope.email: must be an account email/],
    [{ kind: 'nonsense', threshold: '1' }, /^kind:/],
  ])('refuses %j', (input, message) => {
    expect(firstIssue(input)).toMatch(message);
  });

  it.each([
    { kind: 'liquidation_distance', threshold: '0' },
    { kind: 'projected_loan', threshold: '0', shockPercent: '-60' },
    { kind: 'projected_loan_total', threshold: '100000', shockPercent: '25' },
    { kind: 'status_worsens', threshold: 'LIQUIDATING', scope: { kind: 'label', label: 'asia desk' } },
  ])('accepts %j', (input) => {
    expect(firstIssue(input)).toBeNull();
  });

  it('fills the defaults', () => {
    expect(alertRuleInputSchema.parse({ kind: 'margin_level', threshold: ' 1.3 ' })).toEqual({
      kind: 'margin_level', enabled: true, threshold: '1.3', rearmMargin: '0', escalationStep: null, shockPercent: null, scope: { kind: 'all' },
    });
  });
});
