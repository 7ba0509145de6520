'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import {
  alertChannelsQueryKey, alertCountQueryKey, alertRulesQueryKey, alertSearchParams, alertsQueryKey,
  type AlertCount, type AlertFilters, type AlertsResponse, type ChannelView, type RulesResponse,
} from '@/lib/contracts/alerts';

export function useAlerts(filters: AlertFilters) {
  return useQuery({ queryKey: alertsQueryKey(filters), queryFn: () => apiFetch<AlertsResponse>(`/api/alerts?${alertSearchParams(filters)}`), refetchInterval: 15_000 });
}

export function useAlertCount() {
  return useQuery({ queryKey: alertCountQueryKey, queryFn: () => apiFetch<AlertCount>('/api/alerts/count'), refetchInterval: 10_000 });
}

export function useRules() {
  return useQuery({ queryKey: alertRulesQueryKey, queryFn: () => apiFetch<RulesResponse>('/api/alerts/rules') });
}

export function useChannels() {
  return useQuery({ queryKey: alertChannelsQueryKey, queryFn: () => apiFetch<ChannelView[]>('/api/alerts/channels'), refetchInterval: 15_000 });
}

/** A write to the alerts API; on success every alerts query is fetched again. */
export function useAlertsWrite<V, R = unknown>(request: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alerts'] }) });
}
