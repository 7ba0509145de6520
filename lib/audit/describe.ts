import { countOf } from '@/lib/format';
import type { AuditEntry } from '@/lib/contracts/audit';

/** One audit entry as a sentence a person reads, and the page it is about (an account or the exit run), if any. */
export type AuditLine = { sentence: string; link: { href: string; label: string } | null };

type Facts = { target: string; account: string | null; after: Record<string, unknown> };

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

/** What each action did, in words; `account` is the account the entry concerns (target or `after.account`). */
const VERB: Record<string, (f: Facts) => string> = {
  'auth.signin': () => 'signed in',
  'auth.signout': () => 'signed out',
  'auth.signin_fail': (f) => `failed to sign in as ${f.target} (wrong email or password)`,
  'auth.signin_locked': (f) => `tried to sign in as ${f.target} while it was locked`,
  'auth.lockout': (f) => `locked ${f.target} after repeated failed sign-ins`,
  'access.refused': (f) => `was refused ${f.target}${str(f.after.permission) ? ` (needs ${f.after.permission})` : ''}`,
  'refresh.run': (f) => `started a refresh of ${f.target}`,
  'notes.create': (f) => `wrote a review note on ${f.target}${str(f.after.okUntil) ? ', OK until a set date' : ''}`,
  'labels.set': (f) => (str(f.after.label) ? `set the desk label of ${f.target} to “${f.after.label}”` : `removed the desk label of ${f.target}`),
  'terms.record': () => 'recorded when the Supplemental Product Terms were signed',
  'connections.create': () => 'stored an exchange key',
  'connections.rotate': () => 'replaced a stored exchange key',
  'connections.delete': () => 'removed a stored exchange key',
  'keys.create_special': (f) => `created a special key on ${f.target}`,
  'keys.edit_ip': (f) => `changed a special key’s IP whitelist on ${f.target}`,
  'keys.delete_special': (f) => `deleted a special key on ${f.target}`,
  'exit.start': (f) => `started an exit run${Array.isArray(f.after.accounts) ? ` for ${countOf(f.after.accounts.length, 'account')}` : ''}`,
  'exit.cancel': () => 'cancelled an exit run',
  'exit.retry_deletion': () => 'retried deleting special keys in an exit run',
  'exit.key_deleted': (f) => `deleted special key ${str(f.after.key) ?? ''} of ${f.account} (exit step 1)`,
  'exit.key_delete_failed': (f) => `could not delete special key ${str(f.after.key) ?? ''} of ${f.account}: ${str(f.after.error) ?? 'error not recorded'}`,
  'exit.keys_deleted': (f) => `finished deleting the special keys of ${f.account}: none listed any more (still bound until the exit is confirmed)`,
  'exit.confirmed_by_owner': () => 'typed the confirmation for the exit call (step 2)',
  'exit.called': (f) => `called the exit for ${f.account}`,
  'exit.in_doubt_resolved': (f) => `resolved an exit call for ${f.account} whose answer was lost, by re-reading the account`,
  'exit.confirmed': (f) => `confirmed the exit of ${f.account}: no longer bound`,
  'exit.failed': (f) => `could not exit ${f.account}: ${str(f.after.reason) ?? 'reason not recorded'}`,
  'exit.repay': (f) => `repaid a loan on ${f.target}`,
  'alert_rules.create': () => 'created an alert rule',
  'alert_rules.update': () => 'changed an alert rule',
  'alert_rules.delete': () => 'deleted an alert rule',
  'alert_channels.create': () => 'added an alert channel',
  'alert_channels.test': () => 'sent a test alert',
  'alert_channels.quiet_hours': (f) => (f.after.quietHours ? 'set quiet hours on an alert channel' : 'removed an alert channel’s quiet hours'),
  'alerts.acknowledge': () => 'acknowledged an alert',
  'scenarios.save': (f) => `${f.after.replaced ? 'replaced' : 'saved'} the scenario “${f.target}”`,
  'scenarios.delete': (f) => `deleted the scenario “${f.target}”`,
  'exit.repay_failed': (f) => `could not repay a loan on ${f.target}: ${str(f.after.error) ?? 'error not recorded'}`,
};

const EMAIL = /^[^\s@:]+@[^\s@]+$/;

export function describeAudit(e: Pick<AuditEntry, 'actorEmail' | 'action' | 'target' | 'after'>): AuditLine {
  const after = e.after && typeof e.after === 'object' ? (e.after as Record<string, unknown>) : {};
  const target = e.target ?? '';
  const account = str(after.account) ?? (EMAIL.test(target) ? target : null);
  const verb = VERB[e.action];
  const did = verb ? verb({ target, account, after }) : `did “${e.action}”${target ? ` on ${target}` : ''}`;
  const who = e.actorEmail ?? (e.action.startsWith('auth.') ? 'Someone' : 'The system');
  const link = account && !e.action.startsWith('auth.')
    ? { href: `/accounts/${encodeURIComponent(account)}`, label: account }
    : target.startsWith('exit-run:')
      ? { href: '/exit', label: 'exit run' }
      : null;
  return { sentence: `${who} ${did}.`, link };
}

/** Short names for the action filter, so nobody has to read `exit.key_delete_failed`. */
export const ACTION_LABEL: Record<string, string> = {
  'auth.signin': 'Sign-in', 'auth.signout': 'Sign-out', 'auth.signin_fail': 'Failed sign-in', 'auth.signin_locked': 'Sign-in while locked',
  'auth.lockout': 'Lockout', 'access.refused': 'Refused attempt', 'refresh.run': 'Refresh started', 'notes.create': 'Review note', 'labels.set': 'Desk label set',
  'terms.record': 'Terms signing recorded', 'connections.create': 'Key stored', 'connections.rotate': 'Key replaced', 'connections.delete': 'Key removed',
  'keys.create_special': 'Special key created', 'keys.edit_ip': 'Special key IPs changed', 'keys.delete_special': 'Special key deleted',
  'exit.start': 'Exit started', 'exit.cancel': 'Exit cancelled', 'exit.retry_deletion': 'Exit: deletion retried', 'exit.key_deleted': 'Exit: key deleted',
  'exit.key_delete_failed': 'Exit: key deletion failed', 'exit.keys_deleted': 'Exit: step 1 done', 'exit.confirmed_by_owner': 'Exit: confirmation typed',
  'exit.called': 'Exit: call sent', 'exit.in_doubt_resolved': 'Exit: lost answer resolved', 'exit.confirmed': 'Exit confirmed', 'exit.failed': 'Exit failed',
  'exit.repay': 'Loan repaid', 'exit.repay_failed': 'Loan repayment failed',
  'alert_rules.create': 'Alert rule created', 'alert_rules.update': 'Alert rule changed', 'alert_rules.delete': 'Alert rule deleted',
  'alert_channels.create': 'Alert channel added', 'alert_channels.test': 'Test alert sent', 'alert_channels.quiet_hours': 'Alert channel quiet hours', 'alerts.acknowledge': 'Alert acknowledged',
  'scenarios.save': 'Scenario saved', 'scenarios.delete': 'Scenario deleted',
};

export const actionLabel = (action: string) => ACTION_LABEL[action] ?? action;
