'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import type { ExitOverview, ExitRunView, Liability } from '@/lib/exit';

export const exitOverviewKey = ['exit', 'overview'] as const;
export const exitRunKey = (id: string) => ['exit', 'run', id] as const;

/** How often a run is read while a step is being worked on, so per-key progress shows. */
const PROGRESS_POLL_MS = 1000;

export function useExitOverview() {
  return useQuery({ queryKey: exitOverviewKey, queryFn: () => apiFetch<ExitOverview>('/api/exit') });
}

export function useExitRun(id: string) {
  return useQuery({
    queryKey: exitRunKey(id),
    queryFn: () => apiFetch<ExitRunView>(`/api/exit/runs/${id}`),
    refetchInterval: (q) => (q.state.data && (q.state.data.working || q.state.data.phase === 'exiting') ? PROGRESS_POLL_MS : false),
  });
}

/** Every command carries the run's version as this page saw it: a stale page gets a 409, nothing happens. */
export function useRunCommand(run: ExitRunView, command: 'delete-keys' | 'exit' | 'cancel') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (extra: Record<string, unknown> = {}) =>
      apiFetch<ExitRunView>(`/api/exit/runs/${run.id}/${command}`, { method: 'POST', body: JSON.stringify({ version: run.version, ...extra }) }),
    onSuccess: (view) => queryClient.setQueryData(exitRunKey(run.id), view),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: exitRunKey(run.id) }), queryClient.invalidateQueries({ queryKey: exitOverviewKey })]),
  });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accounts: string[]) => apiFetch<ExitRunView>('/api/exit/runs', { method: 'POST', body: JSON.stringify({ accounts }) }),
    onSuccess: (view) => queryClient.setQueryData(exitRunKey(view.id), view),
    onSettled: () => queryClient.invalidateQueries({ queryKey: exitOverviewKey }),
  });
}

export function useRepay(account: string, liability: Liability) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (amount: string) =>
      apiFetch<{ liabilities: Liability[] }>('/api/exit/repay', { method: 'POST', body: JSON.stringify({ account, kind: liability.kind, asset: liability.asset, amount }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exitOverviewKey }),
  });
}
