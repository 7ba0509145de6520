'use client';

import { useRefreshStatus } from '@/components/refresh/use-refresh-status';
import { formatDateTime } from '@/lib/format';
import { describeProgress } from '@/lib/refresh/progress';
import type { RefreshInfo } from '@/lib/contracts/refresh';
import { StatusIcon } from '@/components/ui/icons';

/**
 * What the figures do not say: a refresh still running (and what it is doing), and the last finished one's
 * failure or errors. The failure stays while the next attempt runs: it ends only when a refresh succeeds.
 */
export function RefreshBanner() {
  const { data } = useRefreshStatus();
  if (!data) return null;
  const { newest, lastFinished, dataAt } = data;
  const running = newest?.status === 'running' ? newest : null;
  return (
    <>
      {running && <RunningBanner run={running} />}
      {lastFinished && <FinishedBanner run={lastFinished} hasData={dataAt !== null} retrying={running !== null} />}
    </>
  );
}

function RunningBanner({ run }: { run: RefreshInfo }) {
  const pct = run.accountsTotal > 0 ? Math.round((run.accountsDone / run.accountsTotal) * 100) : 0;
  return (
    <div role="status" data-testid="refresh-running" className="rounded-xl border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-200">
      <p className="num font-medium">↻ Refresh running: {describeProgress(run)}</p>
      {run.accountsTotal > 0 && (
        <div className="mt-2 h-1.5 w-full overflow-hidden rounded-full bg-sky-100 dark:bg-sky-900">
          <div className="h-full bg-sky-500" style={{ width: `${pct}%` }} />
        </div>
      )}
    </div>
  );
}

function FinishedBanner({ run, hasData, retrying }: { run: RefreshInfo; hasData: boolean; retrying: boolean }) {
  if (run.status === 'ok' || run.errorCount === 0) return null;
  const failed = run.status === 'failed';
  const tone = failed
    ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200'
    : 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200';
  return (
    <div role="alert" data-testid="refresh-failure" className={`rounded-xl border px-4 py-3 text-sm ${tone}`}>
      <details>
        <summary className="cursor-pointer font-medium">
          <StatusIcon symbol={failed ? '✖' : '▲'} />{failed ? 'The last refresh failed' : 'The last refresh finished with errors'} ({formatDateTime(run.finishedAt ?? run.startedAt)},{' '}
          <span className="num">{run.errorCount}</span> {run.errorCount === 1 ? 'error' : 'errors'})
          {failed && hasData && ': the figures below are from an earlier refresh'}
          {retrying && ' · trying again now'}
        </summary>
        <ul className="mt-2 space-y-1 text-xs">
          {run.errors.map((e, i) => (
            <li key={i} className="break-words">
              <span className="font-medium">{e.account ?? 'master'}</span> · {e.step}: {e.message}
            </li>
          ))}
          {run.errorCount > run.errors.length && <li>… and {run.errorCount - run.errors.length} more</li>}
        </ul>
      </details>
    </div>
  );
}
