import 'server-only';
import { describeAudit } from '@/lib/audit/describe';
import type { AuditEntry } from '@/lib/contracts/audit';
import { formatDateTime } from '@/lib/format';
import { toCsv } from '@/lib/format-table';
import { listAudit, type AuditFilters } from './audit';

/** (choice) One export holds at most this many entries, newest first; narrow the filters for older ones. */
export const AUDIT_EXPORT_CAP = 10_000;

export async function exportAudit(filters: Omit<AuditFilters, 'page' | 'pageSize'>): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
  const page = await listAudit({ ...filters, page: 1, pageSize: AUDIT_EXPORT_CAP });
  return { entries: page.entries, truncated: page.total > page.entries.length };
}

/** The export as a spreadsheet reads it: the sentence people read beside the raw fields a machine needs. */
export function auditCsv(entries: AuditEntry[]): string {
  const header = ['time (UTC, ISO)', 'time', 'actor', 'role', 'action', 'what happened', 'target', 'before', 'after', 'request id'];
  const rows = entries.map((e) => [
    e.at, formatDateTime(e.at), e.actorEmail, e.role, e.action, describeAudit(e).sentence, e.target,
    e.before == null ? null : JSON.stringify(e.before), e.after == null ? null : JSON.stringify(e.after), e.requestId,
  ]);
  return toCsv(header, rows);
}
