'use client';

import { useQuery } from '@tanstack/react-query';
import { EMPTY_LIVE, LIVE_QUERY_KEY, type LiveAccount, type LiveView } from '@/lib/contracts/live';

/** The live state the LiveSync component keeps in the query cache (never fetched by itself). */
export function useLive(): LiveView {
  const { data } = useQuery({ queryKey: LIVE_QUERY_KEY, queryFn: () => EMPTY_LIVE, initialData: EMPTY_LIVE, staleTime: Infinity, enabled: false });
  return data;
}

export type AccountLiveness = { account: LiveAccount | null; live: boolean; delayedSince: number | null; movedAt: number | null };

/** One account's live figures and whether they are live now (connection, prices and its own streams). */
export function liveness(view: LiveView, email: string): AccountLiveness {
  const account = view.accounts[email] ?? null;
  const delayedSince = !view.connected ? view.lostSince : account?.delayedSince ?? (view.market.state === 'live' ? null : view.market.since);
  return { account, live: view.connected && account !== null && delayedSince === null, delayedSince, movedAt: view.movedAt[email] ?? null };
}
