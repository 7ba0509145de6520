import type { AuditEntry } from '@/lib/contracts/audit';
import { formatDateTime } from '@/lib/format';

function describeChange(entry: AuditEntry): string {
  if (entry.before == null && entry.after == null) return '—';
  return JSON.stringify({ before: entry.before ?? undefined, after: entry.after ?? undefined });
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800">
          <tr>
            <th className="px-4 py-2 font-medium">Time</th>
            <th className="px-4 py-2 font-medium">Actor</th>
            <th className="px-4 py-2 font-medium">Role</th>
            <th className="px-4 py-2 font-medium">Action</th>
            <th className="px-4 py-2 font-medium">Target</th>
            <th className="px-4 py-2 font-medium">Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {entries.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="num whitespace-nowrap px-4 py-2 text-slate-600 dark:text-slate-400">{formatDateTime(e.at)}</td>
              <td className="px-4 py-2">{e.actorEmail ?? 'system'}</td>
              <td className="px-4 py-2">{e.role ?? '—'}</td>
              <td className="px-4 py-2"><code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">{e.action}</code></td>
              <td className="max-w-48 truncate px-4 py-2" title={e.target ?? undefined}>{e.target ?? '—'}</td>
              <td className="max-w-md truncate px-4 py-2 font-mono text-xs text-slate-600 dark:text-slate-400" title={describeChange(e)}>{describeChange(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
