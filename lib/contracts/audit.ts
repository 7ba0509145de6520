export interface AuditEntry {
  id: number;
  at: string;
  actorEmail: string | null;
  role: string | null;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditFilterValues {
  actor: string;
  action: string;
  account: string;
  from: string;
  to: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 25;

export const INITIAL_AUDIT_FILTERS: AuditFilterValues = { actor: '', action: '', account: '', from: '', to: '', page: 1 };

export function auditSearchParams(f: AuditFilterValues): URLSearchParams {
  const p = auditFilterParams(f);
  p.set('page', String(f.page));
  p.set('pageSize', String(AUDIT_PAGE_SIZE));
  return p;
}

/** The filters alone (no page): what the export downloads. */
export function auditFilterParams(f: AuditFilterValues): URLSearchParams {
  const p = new URLSearchParams();
  if (f.actor) p.set('actor', f.actor);
  if (f.action) p.set('action', f.action);
  if (f.account) p.set('account', f.account);
  // Date inputs give calendar days; the range includes the whole of the `to` day.
  if (f.from) p.set('from', new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) p.set('to', new Date(`${f.to}T23:59:59.999`).toISOString());
  return p;
}

export const auditQueryKey = (f: AuditFilterValues) => ['audit', f] as const;
