import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { OVERVIEW_POLL_MS, OVERVIEW_QUERY_KEY, type Overview } from '@/lib/contracts/overview';

/** The overview, hydrated from the server's prefetch and polled: refreshes land without a reload. */
export function useOverview() {
  return useQuery({
    queryKey: OVERVIEW_QUERY_KEY,
    queryFn: () => apiFetch<Overview | null>('/api/overview'),
    refetchInterval: OVERVIEW_POLL_MS,
  });
}
