'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { apiFetch } from '@/lib/api-client';
import { countOf, formatAge } from '@/lib/format';
import { describeProgress } from '@/lib/refresh/progress';
import { REFRESH_PATH, refreshStatusQueryKey } from '@/lib/contracts/refresh';
import { useRefreshStatus } from './use-refresh-status';
import { BusyIcon, StatusIcon, WarnIcon } from '@/components/ui/icons';

/** Header widget: how old the data is, a running refresh's progress, and "Refresh now" (owner and ops). */
export function RefreshStatusBar() {
  const queryClient = useQueryClient();
  const status = useRefreshStatus();
  const refresh = useMutation({
    mutationFn: () => apiFetch<{ runId: string }>(REFRESH_PATH, { method: 'POST', body: '{}' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: refreshStatusQueryKey }),
  });

  // When a refresh finishes, every page's data is new: refetch them all.
  const lastFinishSeen = useRef<string | null>(null);
  const finished = status.data?.newest?.finishedAt ?? null;
  // While a refresh runs `finished` is null: compare with the last finish seen, so a refresh the bar watched
  // from start to end (one that follows a repay, say) refreshes the pages too.
  useEffect(() => {
    if (!finished) return;
    if (lastFinishSeen.current && finished !== lastFinishSeen.current) void queryClient.invalidateQueries();
    lastFinishSeen.current = finished;
  }, [finished, queryClient]);

  if (!status.data?.masterId) return null;
  const { newest, running, dataAt, lastFinished, staleCount } = status.data;
  const progress = running && newest ? describeProgress(newest) : null;
  // The failure stays beside the data's age while the next attempt runs, until one succeeds; the stale
  // count is the one the Overview and Accounts list (the shown refresh's stale accounts).
  return (
    <div className="flex min-w-0 items-center gap-3 whitespace-nowrap text-xs text-slate-600 dark:text-slate-400" data-testid="refresh-status">
      <span className="num truncate" role="status" title={progress ?? undefined}>
        {dataAt ? <>Data from {formatAge(dataAt)} ago</> : 'No data yet'}
        {lastFinished?.status === 'failed' && <span className="ml-1 font-semibold text-red-700 dark:text-red-300">· <StatusIcon symbol="✖" />last refresh failed</span>}
        {staleCount > 0 && <span className="ml-1 font-semibold text-amber-700 dark:text-amber-300" data-testid="stale-count">· <WarnIcon />{countOf(staleCount, 'account')} stale</span>}
        {/* Last, so a narrow header cuts the progress (the Overview's banner repeats it), never the failure. */}
        {progress && <span className="ml-1 text-sky-800 dark:text-sky-300" data-testid="refresh-progress">· <BusyIcon />{progress}</span>}
      </span>
      <button
        type="button"
        onClick={() => refresh.mutate()}
        disabled={running || refresh.isPending}
        className="rounded-md border border-slate-300 px-2.5 py-1 font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        Refresh now
      </button>
      {refresh.isError && <span role="alert" className="text-red-700 dark:text-red-300">{refresh.error.message}</span>}
    </div>
  );
}
