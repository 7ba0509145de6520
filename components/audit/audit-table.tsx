import Link from 'next/link';
import type { AuditEntry } from '@/lib/contracts/audit';
import { describeAudit } from '@/lib/audit/describe';
import { formatDateTime } from '@/lib/format';

/** The audit log as people read it: when, one sentence saying who did what, and a link to what it concerns. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900" aria-label="Audit entries">
      {entries.map((e) => {
        const line = describeAudit(e);
        const refused = e.action === 'access.refused' || e.action === 'auth.signin_fail' || e.action.endsWith('_failed');
        return (
          <li key={e.id} data-testid="audit-entry" data-action={e.action} className="flex flex-col gap-1 px-4 py-2.5 text-sm sm:flex-row sm:gap-4">
            <time dateTime={e.at} className="num shrink-0 text-slate-600 sm:w-52 dark:text-slate-400">{formatDateTime(e.at)}</time>
            <p className={`min-w-0 flex-1 wrap-anywhere ${refused ? 'text-red-800 dark:text-red-300' : ''}`}>
              {line.sentence}
              {e.role && <span className="ml-1.5 text-xs text-slate-500 dark:text-slate-400">({e.role === 'ops' ? 'ops' : 'owner'})</span>}
            </p>
            {line.link && (
              <Link href={line.link.href} className="shrink-0 text-sm font-medium text-slate-700 underline-offset-2 hover:underline dark:text-slate-200">
                Open {line.link.label}
              </Link>
            )}
          </li>
        );
      })}
    </ol>
  );
}
