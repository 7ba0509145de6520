import type { AccountRisk, ApplicabilityRule } from './result-types';

/**
 * One account's binding verdict as every page shows it (docs/domain.md#binding): computed once per refresh by
 * lib/risk/applicability.ts, stored with the snapshot, and carried as is to the account page, the Keys page and
 * the exit wizard, so the same account reads the same sentence everywhere.
 */
export interface BindingView {
  /** true: a deficit is owed as a LiquidationLoan; false: standard liquidation; null: cannot be told. */
  bound: boolean | null;
  rule: ApplicabilityRule;
  reason: string;
  /** What the verdict rests on, one line each (terms, special keys now, key history, exit, loans). */
  evidence: string[];
}

/** The stored verdict of one snapshot; snapshots from before evidence was kept show none. */
export function bindingView(risk: Pick<AccountRisk, 'applicability'>): BindingView {
  const a = risk.applicability;
  return { bound: a.bound, rule: a.rule, reason: a.reason, evidence: a.evidence ?? [] };
}
