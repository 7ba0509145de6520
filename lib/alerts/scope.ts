import type { AccountFacts, RuleScope } from './types';

/** Whether a rule's scope (every account, one account, a desk label) takes in the account. */
export function inScope(scope: RuleScope, account: Pick<AccountFacts, 'email' | 'labels'>): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'account') return scope.email.toLowerCase() === account.email.toLowerCase();
  return account.labels.includes(scope.label);
}
