import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { MASTER_HISTORY_PATH, MASTER_HISTORY_QUERY_KEY, type MasterHistory } from '@/lib/contracts/master-history';
import { OVERVIEW_POLL_MS } from '@/lib/contracts/overview';

/** The master history, polled with the Overview: each finished refresh adds a point. */
export function useMasterHistory() {
  return useQuery({ queryKey: MASTER_HISTORY_QUERY_KEY, queryFn: () => apiFetch<MasterHistory | null>(MASTER_HISTORY_PATH), refetchInterval: OVERVIEW_POLL_MS });
}
