import { alertTitle } from './describe';
import { step, type ActiveState } from './hysteresis';
import { KIND_SPECS, measureAccount, measureMaster, triggerOf, type Measured } from './measures';
import type { AccountFacts, AlertEvent, AlertRule, MasterFacts, RuleScope } from './types';

/** Open alerts keyed by `stateKey(rule, email)`. */
export type AlertStates = ReadonlyMap<string, ActiveState>;

export type StateChange = { ruleId: string; email: string | null; state: ActiveState };

export type Evaluation = { events: AlertEvent[]; changes: StateChange[] };

export const stateKey = (ruleId: string, email: string | null) => `${ruleId}|${email ?? ''}`;

export function inScope(scope: RuleScope, account: Pick<AccountFacts, 'email' | 'labels'>): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'account') return scope.email.toLowerCase() === account.email.toLowerCase();
  return account.labels.includes(scope.label);
}

/**
 * Every enabled rule against every account in its scope (and the master), from the states the last
 * refresh left: the alerts to raise now and the states to keep. Pure and linear in rules × accounts.
 */
export function evaluateAlerts(rules: readonly AlertRule[], accounts: readonly AccountFacts[], master: MasterFacts, states: AlertStates): Evaluation {
  const events: AlertEvent[] = [];
  const changes: StateChange[] = [];
  const apply = (rule: AlertRule, email: string | null, measured: Measured | null, trigger: ReturnType<typeof triggerOf>) => {
    const previous = states.get(stateKey(rule.id, email)) ?? null;
    const { state, transition } = step(trigger, previous, measured?.value ?? null);
    // Only transitions are stored: an open alert's level is all the next refresh needs.
    if (!transition) return;
    changes.push({ ruleId: rule.id, email, state });
    if (transition.kind === 'clear' || !measured) return;
    events.push({
      ruleId: rule.id, kind: rule.kind, email, transition: transition.kind, level: transition.level,
      value: measured.value, title: alertTitle(rule, email, measured.value, transition.kind), figures: measured.figures,
    });
  };
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const trigger = triggerOf(rule);
    if (KIND_SPECS[rule.kind].subject === 'master') {
      apply(rule, null, measureMaster(rule, master), trigger);
      continue;
    }
    for (const account of accounts) {
      if (inScope(rule.scope, account)) apply(rule, account.email, measureAccount(rule, account), trigger);
    }
  }
  return { events, changes };
}
