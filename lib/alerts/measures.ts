import type { Trigger } from './hysteresis';
import { statusSeverity } from './status-severity';
import type { AccountFacts, AlertRule, ConditionKind, Figures, MasterFacts } from './types';

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
  // Not a measure: each new record is one alert (lib/alerts/forced-liquidations.ts).
  forced_liquidation: { subject: 'account', worse: 'higher', inclusive: true },
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

const shockOf = (rule: AlertRule) => Number(rule.shockPercent ?? 0) / 100;

/**
 * The rule's measure for one account now; null: not measurable. Runs for every rule × account on every
 * refresh, so it allocates nothing: the figures are built only for an alert that is raised
 * (`accountFigures`). A loan's decimal string converts to the same double as `Decimal#toNumber` gives.
 */
export function accountValue(rule: AlertRule, a: AccountFacts): number | null {
  switch (rule.kind) {
    case 'status_worsens': return statusSeverity(a.status);
    case 'liquidation_distance': return a.liquidation ? round(a.liquidation.distance * 100, 6) : null;
    case 'margin_level': return a.marginLevel === null ? null : Number(a.marginLevel);
    case 'projected_loan': return owedAt(a.curve, shockOf(rule));
    case 'loan_outstanding': return Number(a.outstandingLoanUsd);
    case 'became_bound': return a.bound === null ? null : a.bound ? 1 : 0;
    case 'keys_near_limit': return a.keysTotal;
    case 'idle_special_key': return a.idleSpecialKeys;
    case 'special_key_outside': return a.outsideKeyChanges ? a.outsideKeyChanges.appeared.length + a.outsideKeyChanges.disappeared.length : null;
    case 'data_stale': return a.dataAgeMinutes;
    default: return null;
  }
}

/**
 * `accountValue` for one rule, made once per refresh: the rule's own decimals (the shock of a projected loan)
 * are parsed here, not once per account.
 */
export function measureOf(rule: AlertRule): (a: AccountFacts) => number | null {
  if (rule.kind === 'projected_loan') {
    const shock = shockOf(rule);
    return (a) => owedAt(a.curve, shock);
  }
  return (a) => accountValue(rule, a);
}

/** The figures that go into an alert the rule raised for this account (its measure was `value`). */
export function accountFigures(rule: AlertRule, a: AccountFacts, value: number): Figures {
  switch (rule.kind) {
    case 'status_worsens': return { status: a.status };
    case 'liquidation_distance':
      return { distancePercent: a.liquidation ? round(a.liquidation.distance * 100, 2) : null, direction: a.liquidation?.direction ?? null, pair: a.liquidation?.pair ?? null, status: a.status };
    case 'margin_level': return { marginLevel: a.marginLevel, status: a.status };
    case 'projected_loan': return { shockPercent: rule.shockPercent, projectedLoanUsd: round(value, 2), estimate: 'yes' };
    case 'loan_outstanding': return { outstandingLoanUsd: a.outstandingLoanUsd };
    case 'became_bound': return { bound: a.bound ? 'yes' : 'no' };
    case 'keys_near_limit': return { keys: value, limit: 30 };
    case 'idle_special_key': return { idleSpecialKeys: value };
    case 'special_key_outside':
      return { appeared: a.outsideKeyChanges?.appeared.join(', ') || null, disappeared: a.outsideKeyChanges?.disappeared.join(', ') || null };
    case 'data_stale': return { dataAgeMinutes: Math.floor(value) };
    default: return {};
  }
}

export function masterValue(rule: AlertRule, m: MasterFacts): number | null {
  switch (rule.kind) {
    case 'projected_loan_total': return owedAt(m.curve, shockOf(rule));
    case 'refresh_failing': return m.refreshFailingMinutes ?? 0;
    case 'exit_half_done': return m.exitHalfDoneMinutes ?? 0;
    default: return null;
  }
}

export function masterFigures(rule: AlertRule, value: number): Figures {
  switch (rule.kind) {
    case 'projected_loan_total': return { shockPercent: rule.shockPercent, projectedLoanUsd: round(value, 2), estimate: 'yes' };
    case 'refresh_failing': return { failingMinutes: Math.floor(value) };
    case 'exit_half_done': return { waitingMinutes: Math.floor(value) };
    default: return {};
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
