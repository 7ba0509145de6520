import { alertTitle } from './describe';
import { isTrue, step, type ActiveState, type Trigger } from './hysteresis';
import { accountFigures, KIND_SPECS, masterFigures, masterValue, measureOf, triggerOf } from './measures';
import { forcedLiquidationEvents } from './forced-liquidations';
import { inScope, scopeTest } from './scope';
import type { AccountFacts, AlertEvent, AlertRule, MasterFacts } from './types';

/**
 * Open alerts by rule id, then by account email ('' for the master). Nested rather than one joined key:
 * the lookup runs for every rule × account on every refresh, and an email string hashes once.
 */
export type AlertStates = ReadonlyMap<string, ReadonlyMap<string, NonNullable<ActiveState>>>;

export type StateChange = { ruleId: string; email: string | null; state: ActiveState };

export type Evaluation = { events: AlertEvent[]; changes: StateChange[] };

export const NO_STATES: AlertStates = new Map();

/** The states after a refresh's changes; the given states are left as they were. */
export function withChanges(states: AlertStates, changes: readonly StateChange[]): AlertStates {
  if (!changes.length) return states;
  const next = new Map(states);
  for (const c of changes) {
    const inner = new Map(next.get(c.ruleId) ?? []);
    if (c.state) inner.set(c.email ?? '', c.state);
    else inner.delete(c.email ?? '');
    if (inner.size) next.set(c.ruleId, inner);
    else next.delete(c.ruleId);
  }
  return next;
}

export { inScope };

/**
 * Every enabled rule against every account in its scope (and the master), from the states the last
 * refresh left: the alerts to raise now and the states to keep. Pure and linear in rules × accounts.
 */
export function evaluateAlerts(rules: readonly AlertRule[], accounts: readonly AccountFacts[], master: MasterFacts, states: AlertStates): Evaluation {
  const events: AlertEvent[] = [];
  const changes: StateChange[] = [];
  // Called for every rule × account on every refresh: the common case (nothing changed) allocates nothing.
  const apply = (rule: AlertRule, open: ReadonlyMap<string, NonNullable<ActiveState>> | undefined, account: AccountFacts | null, value: number | null, trigger: Trigger) => {
    const email = account ? account.email : null;
    const previous = (open && open.get(email ?? '')) ?? null;
    // Armed and not true: nothing to do, the case of nearly every rule × account on every refresh.
    if (previous === null && (value === null || !isTrue(trigger, value))) return;
    const { state, transition } = step(trigger, previous, value);
    // Only transitions are stored: an open alert's level is all the next refresh needs.
    if (!transition) return;
    changes.push({ ruleId: rule.id, email, state });
    if (transition.kind === 'clear' || value === null) return;
    events.push({
      ruleId: rule.id, kind: rule.kind, email, transition: transition.kind, level: transition.level,
      value, title: alertTitle(rule, email, value, transition.kind), figures: account ? accountFigures(rule, account, value) : masterFigures(rule, value),
    });
  };
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.kind === 'forced_liquidation') {
      events.push(...forcedLiquidationEvents(rule, accounts));
      continue;
    }
    const trigger = triggerOf(rule);
    const open = states.get(rule.id);
    if (KIND_SPECS[rule.kind].subject === 'master') {
      apply(rule, open, null, masterValue(rule, master), trigger);
      continue;
    }
    const takes = scopeTest(rule.scope);
    const measure = measureOf(rule);
    for (const account of accounts) {
      if (takes === null || takes(account)) apply(rule, open, account, measure(account), trigger);
    }
  }
  return { events, changes };
}
