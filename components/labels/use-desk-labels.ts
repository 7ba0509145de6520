'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { apiFetch } from '@/lib/api-client';
import { LABELS_API_PATH, LABELS_QUERY_KEY, type DeskLabel, type DeskLabels } from '@/lib/contracts/labels';

const NONE: Record<string, DeskLabel> = {};

/** Every named account's desk label, by email: one small query shared by every page that names accounts. */
export function useDeskLabels(): Record<string, DeskLabel> {
  const query = useQuery({ queryKey: LABELS_QUERY_KEY, queryFn: () => apiFetch<DeskLabels>(LABELS_API_PATH), staleTime: 60_000 });
  return query.data?.labels ?? NONE;
}

/** Just the names, by email (for sorting and searching). */
export function useDeskLabelNames(): Record<string, string> {
  const labels = useDeskLabels();
  return useMemo(() => Object.fromEntries(Object.entries(labels).map(([email, l]) => [email, l.label])), [labels]);
}
