import type { Permission } from '@/lib/permissions';

/**
 * Which actions need a recent second-factor proof (docs/security.md, "Second factor"): every action that
 * changes the exchange (special keys, repays, the exit) or what marginwatch may sign with (connections, the
 * terms record). Pure, shared by apiRoute, the tests and the UI.
 */
export const STEP_UP_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(['keys.write', 'exit.run', 'connections.write', 'terms.write']);

/** A proof older than this is asked for again. */
export const STEP_UP_MAX_AGE_MS = 5 * 60_000;

/** The machine-readable codes a refused action answers with; the browser asks for a code on the first. */
export const STEP_UP_REQUIRED = 'step_up_required';
export const SECOND_FACTOR_NOT_ENROLLED = 'second_factor_not_enrolled';

export function needsStepUp(permission: Permission, method: string): boolean {
  return STEP_UP_PERMISSIONS.has(permission) && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

export function stepUpFresh(stepUpAt: Date | null, now: Date): boolean {
  return stepUpAt !== null && now.getTime() - stepUpAt.getTime() < STEP_UP_MAX_AGE_MS && stepUpAt.getTime() <= now.getTime() + 60_000;
}

/** A code as people type it: six digits, spaces allowed between groups. */
export function normalizeCode(raw: string): string | null {
  const code = raw.replace(/\s+/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}
