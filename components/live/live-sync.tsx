'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { EMPTY_LIVE, LIVE_EVENT, LIVE_QUERY_KEY, type LiveMessage, type LiveView } from '@/lib/contracts/live';
import { reduceLive } from './live-reducer';

/**
 * Opens the Server-Sent Events stream once for the dashboard and folds every message into the TanStack Query
 * cache (LIVE_QUERY_KEY), where pages read it. EventSource reconnects by itself; while it is away the cache
 * says since when, so nothing is shown as live that is not.
 */
export function LiveSync() {
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/live');
    const update = (f: (prev: LiveView) => LiveView) => client.setQueryData<LiveView>(LIVE_QUERY_KEY, (prev) => f(prev ?? EMPTY_LIVE));
    source.addEventListener(LIVE_EVENT, (e) => {
      const m = JSON.parse((e as MessageEvent<string>).data) as LiveMessage;
      update((prev) => reduceLive(prev, m, Date.now()));
    });
    source.onerror = () => update((prev) => (prev.connected ? { ...prev, connected: false, lostSince: Date.now() } : prev));
    return () => source.close();
  }, [client]);
  return null;
}
