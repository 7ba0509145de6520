import { countOf } from '@/lib/format';
import { statusWords, statusWordsAtSeverity } from './status-severity';
import type { AlertRule, ConditionKind } from './types';

/** What each kind watches, for people: the settings page and every alert use these words. */
export const KIND_LABELS: Record<ConditionKind, string> = {
  status_worsens: 'Status worsens (as the exchange reports it)',
  liquidation_distance: 'Distance to liquidation under a shock of X % (either direction)',
  margin_level: 'Margin level under a level',
  projected_loan: 'Projected LiquidationLoan at a shock, per account (estimate)',
  projected_loan_total: 'Projected LiquidationLoan at a shock, master total (estimate)',
  loan_outstanding: 'A LiquidationLoan or PM Pro bankruptcy loan appears or grows',
  forced_liquidation: 'A forced liquidation happened (each order Binance placed, once)',
  became_bound: 'An account becomes bound (LiquidationLoan applies)',
  keys_near_limit: 'Keys near the 30-key limit',
  idle_special_key: 'A special key idle past the revocation horizon',
  special_key_outside: 'A special key appears or disappears that marginwatch did not make or delete',
  data_stale: 'Account data stale for longer than N minutes',
  refresh_failing: 'Refresh failing for longer than N minutes',
  exit_half_done: 'An exit run left between its two steps for longer than N minutes',
};

// One formatter: toLocaleString builds a new one per call, which a crash raising an alert per account pays 1,000s of times.
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const usd = (n: string | number) => `${WHOLE.format(Number(n))} USD`;

/** The condition as a sentence with the rule's own threshold, e.g. "distance to liquidation under 10 %". */
export function describeCondition(rule: Pick<AlertRule, 'kind' | 'threshold' | 'shockPercent'>): string {
  const t = rule.threshold;
  switch (rule.kind) {
    case 'status_worsens': return `status at ${statusWords(t)} or worse`;
    case 'liquidation_distance': return `a shock under ${t} % liquidates`;
    case 'margin_level': return `margin level under ${t}`;
    case 'projected_loan': return `projected loan at ${rule.shockPercent} % above ${usd(t)}`;
    case 'projected_loan_total': return `master's projected loan at ${rule.shockPercent} % above ${usd(t)}`;
    case 'loan_outstanding': return `outstanding loan above ${usd(t)}`;
    case 'forced_liquidation': return 'Binance placed a forced-liquidation order';
    case 'became_bound': return 'bound: a deficit would be owed as a loan';
    case 'keys_near_limit': return `${t} or more of 30 keys`;
    case 'idle_special_key': return `${t} or more special keys idle past the horizon`;
    case 'special_key_outside': return `${t} or more special keys created or deleted outside marginwatch`;
    case 'data_stale': return `data older than ${t} minutes`;
    case 'refresh_failing': return `refresh failing for ${t} minutes or more`;
    case 'exit_half_done': return `exit run between its steps for ${t} minutes or more`;
  }
}

function figure(kind: ConditionKind, value: number): string {
  switch (kind) {
    case 'status_worsens': return statusWordsAtSeverity(value);
    case 'liquidation_distance': return `a ${value.toFixed(2)} % move liquidates`;
    case 'projected_loan': case 'projected_loan_total': case 'loan_outstanding': return usd(value);
    case 'data_stale': case 'refresh_failing': case 'exit_half_done': return `${Math.floor(value)} min`;
    case 'became_bound': return 'bound';
    case 'forced_liquidation': return 'forced liquidation';
    case 'keys_near_limit': return `${value} of 30 keys`;
    case 'idle_special_key': return countOf(Number(value), 'idle special key');
    case 'special_key_outside': return `${countOf(Number(value), 'special key')} created or deleted outside marginwatch`;
    // Four decimals are what a desk reads; the alert's figures keep the exact level.
    case 'margin_level': return `margin level ${value.toFixed(4)}`;
  }
}

/** The alert's headline: who, the figure now, and the rule it crossed. */
export function alertTitle(rule: AlertRule, email: string | null, value: number, transition: 'fire' | 'escalate'): string {
  const who = email ? email.split('@')[0] : 'Master';
  const verb = transition === 'escalate' ? 'worse: ' : '';
  return `${who}: ${verb}${figure(rule.kind, value)} (${describeCondition(rule)})`;
}
