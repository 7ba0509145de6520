import type { ExitAuditEntry } from '@/lib/contracts/exit';
import { formatDateTime } from '@/lib/format';

/** The run's audit trail, oldest first: who did what, and what the exchange answered. */
export function RunAudit({ entries }: { entries: ExitAuditEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nothing recorded yet.</p>;
  return (
    <ol className="space-y-1 text-xs" aria-label="Audit trail">
      {entries.map((e, i) => (
        <li key={i} className="grid grid-cols-[11rem_11rem_1fr] gap-2 border-b border-slate-100 py-1 dark:border-slate-800">
          <span className="num text-slate-500">{formatDateTime(e.at)}</span>
          <span className="font-mono">{e.action}</span>
          <span className="break-words text-slate-600 dark:text-slate-400">
            {e.actorEmail ?? 'system'} · {describe(e.detail)}
          </span>
        </li>
      ))}
    </ol>
  );
}

function describe(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : readable(v)}`)
    .join(' · ');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Audit details keep instants as ISO strings; people read them in the app's one date format. */
function readable(value: unknown): string {
  return typeof value === 'string' && ISO_INSTANT.test(value) ? formatDateTime(value) : String(value);
}
