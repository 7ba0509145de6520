'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, idempotencyKey, singleFlight } from '@/lib/api-client';
import type { Liability } from '@/lib/exit';
import { refreshStatusQueryKey } from '@/lib/contracts/refresh';
import { EXIT_PATH, EXIT_REPAY_PATH, EXIT_RUNS_PATH, exitQueryKeys, exitRunCommandPath, exitRunPath, type ExitOverview, type ExitRunView, type RunCommandName } from '@/lib/contracts/exit';

/** How often a run is read while a step is being worked on, so per-key progress shows. */
const PROGRESS_POLL_MS = 1000;

export function useExitOverview() {
  return useQuery({ queryKey: exitQueryKeys.overview, queryFn: () => apiFetch<ExitOverview>(EXIT_PATH) });
}

export function useExitRun(id: string) {
  return useQuery({
    queryKey: exitQueryKeys.run(id),
    queryFn: () => apiFetch<ExitRunView>(exitRunPath(id)),
    // Reading is safe (it never resumes a run), so a stalled run is watched too until the sweep takes it up.
    refetchInterval: (q) => (q.state.data && (q.state.data.working || q.state.data.stalled || q.state.data.phase === 'exiting') ? PROGRESS_POLL_MS : false),
  });
}

/** A POST the server must act on once: double clicks join, each action has its own Idempotency-Key (docs/security.md). */
const postOnce = <T>(path: string, body: unknown) => apiFetch<T>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'idempotency-key': idempotencyKey() } });

/** Every command carries the run's version as this page saw it: a stale page gets a 409, nothing happens. */
export function useRunCommand(run: ExitRunView, command: RunCommandName) {
  const queryClient = useQueryClient();
  const [send] = useState(() => singleFlight((body: Record<string, unknown>) => postOnce<ExitRunView>(exitRunCommandPath(run.id, command), body)));
  return useMutation({
    mutationFn: (extra: Record<string, unknown> = {}) => send({ version: run.version, ...extra }),
    onSuccess: (view) => queryClient.setQueryData(exitQueryKeys.run(run.id), view),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: exitQueryKeys.run(run.id) }), queryClient.invalidateQueries({ queryKey: exitQueryKeys.overview })]),
  });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  const [send] = useState(() => singleFlight((accounts: string[]) => postOnce<ExitRunView>(EXIT_RUNS_PATH, { accounts })));
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => queryClient.setQueryData(exitQueryKeys.run(view.id), view),
    onSettled: () => queryClient.invalidateQueries({ queryKey: exitQueryKeys.overview }),
  });
}

export function useRepay(account: string, liability: Liability) {
  const queryClient = useQueryClient();
  const [send] = useState(() => singleFlight((body: object) => postOnce<{ liabilities: Liability[] }>(EXIT_REPAY_PATH, body)));
  return useMutation({
    mutationFn: (amount: string) => send({ account, kind: liability.kind, asset: liability.asset, amount }),
    // The refresh that follows a repay runs in the background: the header shows its progress and, when it ends,
    // every query (the review included) is read again.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: exitQueryKeys.overview }), queryClient.invalidateQueries({ queryKey: refreshStatusQueryKey })]),
  });
}
