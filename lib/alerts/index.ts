/** Alert rules (issue 16): pure conditions, hysteresis and defaults; no I/O. */
export { DEFAULT_RULES, effectiveRules } from './defaults';
export { alertTitle, describeCondition, KIND_LABELS } from './describe';
export { evaluateAlerts, inScope, NO_STATES, withChanges, type AlertStates, type Evaluation, type StateChange } from './evaluate';
export { step, type ActiveState, type Trigger } from './hysteresis';
export { KIND_SPECS, owedAt } from './measures';
export { newForcedLiquidations, type ForcedMark } from './forced-liquidations';
export { alertRuleInputSchema, ruleFromInput, type AlertRuleInput } from './rule-schema';
export { RANKED_STATUSES, statusSeverity } from './status-severity';
export * from './types';
