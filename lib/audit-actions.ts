/**
 * Every audit action, `resource.verb`, beside `Permission` and `ErrorCode`. These strings are stored in the
 * audit log: never rename one, add a new one.
 */
export const AUDIT_ACTIONS = [
  'auth.signin',
  'auth.signin_fail',
  'auth.signin_locked',
  'auth.lockout',
  'auth.signout',
  'auth.signout_everywhere',
  /** Second factor: an authenticator enrolled, a code accepted for an action, a wrong code (lib/server/auth/second-factor.ts). */
  'auth.totp_enrolled',
  'auth.step_up',
  'auth.step_up_failed',
  /** Passkeys, the primary second factor (lib/server/auth/passkeys.ts). */
  'auth.passkey_added',
  'auth.passkey_renamed',
  'auth.passkey_removed',
  /** Recovery (docs/security.md, "Recovery"): an authenticator replaced, a set of recovery codes made, one spent. */
  'auth.totp_replaced',
  'auth.recovery_codes_created',
  'auth.recovery_code_used',
  /** An API call refused for want of a permission (lib/server/api/handler.ts). */
  'access.refused',
  'connections.create',
  'connections.rotate',
  'connections.delete',
  'refresh.run',
  'notes.create',
  /** An owner set, changed or removed a sub-account's desk label (lib/server/labels.ts). */
  'labels.set',
  'terms.record',
  'keys.create_special',
  'keys.edit_ip',
  'keys.delete_special',
  'exit.start',
  'exit.cancel',
  'exit.retry_deletion',
  'exit.key_deleted',
  'exit.key_delete_failed',
  'exit.keys_deleted',
  'exit.called',
  'exit.confirmed',
  'exit.confirmed_by_owner',
  'exit.failed',
  'exit.in_doubt_resolved',
  'exit.repay',
  'exit.repay_failed',
  'alert_rules.create',
  'alert_rules.update',
  'alert_rules.delete',
  'alert_channels.create',
  'alert_channels.test',
  'alert_channels.quiet_hours',
  'alerts.acknowledge',
  /** An owner saved (or replaced, by name) a named scenario, or deleted one (lib/server/scenarios/store.ts). */
  'scenarios.save',
  'scenarios.delete',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
