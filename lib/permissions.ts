/**
 * Every permission in the product, as `resource.verb`, and the roles that hold it. The one place that
 * decides who may do what: route handlers, pages and the UI all ask `can()`.
 * Owners (the VIP trader) may do everything; ops staff review, annotate and acknowledge, and never change
 * keys or run an exit.
 */
export const ROLES = ['owner', 'ops'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'dashboard.read': ['owner', 'ops'],
  'audit.read': ['owner', 'ops'],
  'connections.read': ['owner', 'ops'],
  'connections.write': ['owner'],
  'refresh.run': ['owner', 'ops'],
  'notes.write': ['owner', 'ops'],
  'labels.write': ['owner'],
  'keys.read': ['owner', 'ops'],
  'keys.write': ['owner'],
  'terms.write': ['owner'],
  'exit.read': ['owner', 'ops'],
  'exit.run': ['owner'],
  'alerts.read': ['owner', 'ops'],
  'alerts.ack': ['owner', 'ops'],
  'alerts.write': ['owner'],
  /** Enrolling one's own authenticator and proving a code (docs/security.md, "Second factor"). */
  'second_factor.use': ['owner', 'ops'],
  /** Named scenarios: anyone may run one (it changes nothing); owners save and delete them. */
  'scenarios.write': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
