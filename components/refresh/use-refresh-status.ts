import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { REFRESH_PATH, refreshStatusQueryKey, type RefreshStatus } from '@/lib/contracts/refresh';

/**
 * The refresh status every part of a page reads (header, Overview banner, stale card): one query, so they
 * tell the same story at the same moment. Polls fast while a refresh runs so progress moves; slowly otherwise.
 */
export function useRefreshStatus() {
  return useQuery({
    queryKey: refreshStatusQueryKey,
    queryFn: () => apiFetch<RefreshStatus>(REFRESH_PATH),
    refetchInterval: (q) => (q.state.data?.running ? 1500 : 15_000),
  });
}
