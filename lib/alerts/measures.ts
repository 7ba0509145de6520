import Decimal from 'decimal.js';
import type { Trigger } from './hysteresis';
import { statusSeverity } from './status-severity';
import type { AccountFacts, AlertRule, ConditionKind, Figures, MasterFacts } from './types';

export type Measured = { value: number; figures: Figures };

type KindSpec = {
  subject: 'account' | 'master';
  worse: Trigger['worse'];
  inclusive: boolean;
};

/** Which way each kind worsens and whether its threshold itself counts (the wording on the settings page). */
export const KIND_SPECS: Record<ConditionKind, KindSpec> = {
  status_worsens: { subject: 'account', worse: 'higher', inclusive: true },
  liquidation_distance: { subject: 'account', worse: 'lower', inclusive: false },
  margin_level: { subject: 'account', worse: 'lower', inclusive: false },
  projected_loan: { subject: 'account', worse: 'higher', inclusive: false },
  projected_loan_total: { subject: 'master', worse: 'higher', inclusive: false },
  loan_outstanding: { subject: 'account', worse: 'higher', inclusive: false },
  became_bound: { subject: 'account', worse: 'higher', inclusive: true },
  keys_near_limit: { subject: 'account', worse: 'higher', inclusive: true },
  idle_special_key: { subject: 'account', worse: 'higher', inclusive: true },
  special_key_outside: { subject: 'account', worse: 'higher', inclusive: true },
  data_stale: { subject: 'account', worse: 'higher', inclusive: true },
  refresh_failing: { subject: 'master', worse: 'higher', inclusive: true },
  exit_half_done: { subject: 'master', worse: 'higher', inclusive: true },
};

/**
 * The projected loan at a shock between two grid points, read off the stored curve by straight-line
 * interpolation (an estimate, like the curve itself). null outside the grid: never extrapolated.
 */
export function owedAt(curve: readonly { shock: number; owed: number }[], shock: number): number | null {
  for (let i = 0; i < curve.length; i++) {
    const p = curve[i]!;
    if (Math.abs(p.shock - shock) < 1e-9) return p.owed;
    const q = curve[i + 1];
    if (q && p.shock < shock && shock < q.shock) return p.owed + ((q.owed - p.owed) * (shock - p.shock)) / (q.shock - p.shock);
  }
  return null;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The rule's measure for one account now, with the figures that go into the alert; null: not measurable. */
export function measureAccount(rule: AlertRule, a: AccountFacts): Measured | null {
  switch (rule.kind) {
    case 'status_worsens': {
      const value = statusSeverity(a.status);
      return value === null ? null : { value, figures: { status: a.status } };
    }
    case 'liquidation_distance':
      if (!a.liquidation) return null;
      return {
        value: round(a.liquidation.distance * 100, 6),
        figures: { distancePercent: round(a.liquidation.distance * 100, 2), direction: a.liquidation.direction, pair: a.liquidation.pair, status: a.status },
      };
    case 'margin_level':
      return a.marginLevel === null ? null : { value: Number(a.marginLevel), figures: { marginLevel: a.marginLevel, status: a.status } };
    case 'projected_loan': {
      const shock = Number(rule.shockPercent ?? 0) / 100;
      const owed = owedAt(a.curve, shock);
      return owed === null ? null : { value: owed, figures: { shockPercent: rule.shockPercent, projectedLoanUsd: round(owed, 2), estimate: 'yes' } };
    }
    case 'loan_outstanding':
      return { value: new Decimal(a.outstandingLoanUsd).toNumber(), figures: { outstandingLoanUsd: a.outstandingLoanUsd } };
    case 'became_bound':
      return a.bound === null ? null : { value: a.bound ? 1 : 0, figures: { bound: a.bound ? 'yes' : 'no' } };
    case 'keys_near_limit':
      return a.keysTotal === null ? null : { value: a.keysTotal, figures: { keys: a.keysTotal, limit: 30 } };
    case 'idle_special_key':
      return a.idleSpecialKeys === null ? null : { value: a.idleSpecialKeys, figures: { idleSpecialKeys: a.idleSpecialKeys } };
    case 'special_key_outside': {
      const c = a.outsideKeyChanges;
      if (!c) return null;
      return { value: c.appeared.length + c.disappeared.length, figures: { appeared: c.appeared.join(', ') || null, disappeared: c.disappeared.join(', ') || null } };
    }
    case 'data_stale':
      return { value: a.dataAgeMinutes, figures: { dataAgeMinutes: Math.floor(a.dataAgeMinutes) } };
    default:
      return null;
  }
}

export function measureMaster(rule: AlertRule, m: MasterFacts): Measured | null {
  switch (rule.kind) {
    case 'projected_loan_total': {
      const shock = Number(rule.shockPercent ?? 0) / 100;
      const owed = owedAt(m.curve, shock);
      return owed === null ? null : { value: owed, figures: { shockPercent: rule.shockPercent, projectedLoanUsd: round(owed, 2), estimate: 'yes' } };
    }
    case 'refresh_failing':
      return { value: m.refreshFailingMinutes ?? 0, figures: { failingMinutes: Math.floor(m.refreshFailingMinutes ?? 0) } };
    case 'exit_half_done':
      return { value: m.exitHalfDoneMinutes ?? 0, figures: { waitingMinutes: Math.floor(m.exitHalfDoneMinutes ?? 0) } };
    default:
      return null;
  }
}

/** The rule's trigger in the measure's own numbers. */
export function triggerOf(rule: AlertRule): Trigger {
  const spec = KIND_SPECS[rule.kind];
  const threshold = rule.kind === 'status_worsens' ? (statusSeverity(rule.threshold) ?? 1) : Number(rule.threshold);
  return {
    worse: spec.worse,
    inclusive: spec.inclusive,
    threshold,
    rearmMargin: Number(rule.rearmMargin),
    step: rule.escalationStep === null ? null : Number(rule.escalationStep),
  };
}
