import { formatDateTime } from '@/lib/format';
import type { RefreshInfo } from '@/lib/contracts/refresh';

/** The newest refresh when it says something the figures do not: still running, failed, or partly failed. */
export function RefreshBanner({ newest, shownId }: { newest: RefreshInfo | null; shownId: string | null }) {
  if (!newest || (newest.status === 'ok' && newest.id === shownId)) return null;
  if (newest.status === 'running') {
    const pct = newest.accountsTotal > 0 ? Math.round((newest.accountsDone / newest.accountsTotal) * 100) : 0;
    return (
      <div role="status" className="rounded-xl border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-200">
        <p className="font-medium">
          ↻ Refresh running: <span className="num">{newest.accountsDone} of {newest.accountsTotal}</span> accounts read
          {newest.currentStep && <span className="font-normal"> · {newest.currentStep}</span>}
        </p>
        <div className="mt-2 h-1.5 w-full overflow-hidden rounded-full bg-sky-100 dark:bg-sky-900">
          <div className="h-full bg-sky-500" style={{ width: `${pct}%` }} />
        </div>
      </div>
    );
  }
  const failed = newest.status === 'failed';
  if (newest.errorCount === 0) return null;
  return (
    <div role="alert" className={`rounded-xl border px-4 py-3 text-sm ${failed ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200' : 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200'}`}>
      <details>
        <summary className="cursor-pointer font-medium">
          {failed ? '✖ The last refresh failed' : '▲ The last refresh finished with errors'} ({formatDateTime(newest.finishedAt ?? newest.startedAt)},{' '}
          <span className="num">{newest.errorCount}</span> {newest.errorCount === 1 ? 'error' : 'errors'}){failed && shownId && ': the figures below are from the refresh before it'}
        </summary>
        <ul className="mt-2 space-y-1 text-xs">
          {newest.errors.map((e, i) => (
            <li key={i} className="break-words">
              <span className="font-medium">{e.account ?? 'master'}</span> · {e.step}: {e.message}
            </li>
          ))}
          {newest.errorCount > newest.errors.length && <li>… and {newest.errorCount - newest.errors.length} more</li>}
        </ul>
      </details>
    </div>
  );
}
