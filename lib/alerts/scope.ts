import type { AccountFacts, RuleScope } from './types';

/** Whether a rule's scope (every account, one account, a desk label) takes in the account. */
export function inScope(scope: RuleScope, account: Pick<AccountFacts, 'email' | 'labels'>): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'account') return scope.email.toLowerCase() === account.email.toLowerCase();
  return account.labels.includes(scope.label);
}

/**
 * The same test made once per rule for a whole refresh: null when the rule takes every account; an account
 * scope compares its email lowercased once, not once per account.
 */
export function scopeTest(scope: RuleScope): ((account: Pick<AccountFacts, 'email' | 'labels'>) => boolean) | null {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'account') {
    const wanted = scope.email.toLowerCase();
    return (account) => account.email.length === wanted.length && account.email.toLowerCase() === wanted;
  }
  const label = scope.label;
  return (account) => account.labels.includes(label);
}
