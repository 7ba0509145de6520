'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { apiFetch } from '@/lib/api-client';
import { formatAge } from '@/lib/format';
import { REFRESH_PATH, refreshStatusQueryKey, type RefreshStatus } from '@/lib/contracts/refresh';

/** Header widget: how old the data is, a running refresh's progress, and "Refresh now" (owner and ops). */
export function RefreshStatusBar() {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: refreshStatusQueryKey,
    queryFn: () => apiFetch<RefreshStatus>(REFRESH_PATH),
    // Poll fast while a refresh runs so progress moves; slowly otherwise.
    refetchInterval: (q) => (q.state.data?.running ? 1500 : 15_000),
  });
  const refresh = useMutation({
    mutationFn: () => apiFetch<{ runId: string }>(REFRESH_PATH, { method: 'POST', body: '{}' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: refreshStatusQueryKey }),
  });

  // When a refresh finishes, every page's data is new: refetch them all.
  const lastFinished = useRef<string | null>(null);
  const finished = status.data?.newest?.finishedAt ?? null;
  // While a refresh runs `finished` is null: compare with the last finish seen, so a refresh the bar watched
  // from start to end (one that follows a repay, say) refreshes the pages too.
  useEffect(() => {
    if (!finished) return;
    if (lastFinished.current && finished !== lastFinished.current) void queryClient.invalidateQueries();
    lastFinished.current = finished;
  }, [finished, queryClient]);

  if (!status.data?.masterId) return null;
  const { newest, running, dataAt } = status.data;
  const errorCount = newest?.errorCount ?? 0;
  return (
    <div className="flex min-w-0 items-center gap-3 whitespace-nowrap text-xs text-slate-600 dark:text-slate-400" data-testid="refresh-status">
      {running && newest ? (
        <span className="num truncate" role="status" title={newest.currentStep ?? undefined}>
          ⟳ Refreshing {newest.accountsDone}/{newest.accountsTotal} accounts
          {errorCount > 0 && <span className="ml-1 font-semibold text-amber-700 dark:text-amber-300">· ⚠ {errorCount} error{errorCount > 1 ? 's' : ''}</span>}
        </span>
      ) : (
        <span className="num truncate">
          {dataAt ? <>Data from {formatAge(dataAt)} ago</> : 'No data yet'}
          {newest?.status === 'failed' && <span className="ml-1 font-semibold text-red-700 dark:text-red-300">· ✖ last refresh failed</span>}
          {newest?.status === 'partial' && <span className="ml-1 font-semibold text-amber-700 dark:text-amber-300">· ⚠ {errorCount} account{errorCount === 1 ? '' : 's'} stale</span>}
        </span>
      )}
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
