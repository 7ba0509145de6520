'use client';

import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { REVIEWS_QUERY_KEY, type ReviewQueue } from '@/lib/contracts/review';

/** The review queue (who reviewed each account, and whether that still covers it), shared by the accounts list and the overview. */
export function useReviews() {
  return useQuery({ queryKey: REVIEWS_QUERY_KEY, queryFn: () => apiFetch<ReviewQueue>('/api/reviews'), refetchInterval: 60_000 });
}
