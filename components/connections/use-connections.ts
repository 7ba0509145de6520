'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { connectionsQueryKey, subAccountsQueryKey, type ConnectionList, type ConnectionView, type SignerType, type SubAccountList } from '@/lib/contracts/connections';

export interface KeyFields {
  apiKey: string;
  signerType: SignerType;
  secret: string;
}

const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

export function useConnections() {
  return useQuery({ queryKey: connectionsQueryKey, queryFn: () => apiFetch<ConnectionList>('/api/connections') });
}

export function useSubAccounts(masterId: string, enabled: boolean) {
  return useQuery({
    queryKey: subAccountsQueryKey(masterId),
    queryFn: () => apiFetch<SubAccountList>(`/api/connections/${masterId}/sub-accounts`),
    enabled,
  });
}

/** "Read now": the exchange lists the master's sub-accounts again; the answer replaces the panel's list. */
export function useReadSubAccounts(masterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<SubAccountList>(`/api/connections/${masterId}/sub-accounts/read`, { method: 'POST' }),
    onSuccess: (list) => client.setQueryData(subAccountsQueryKey(masterId), list),
  });
}

/** Every change invalidates the list and every sub-account panel: they share the `connections` prefix. */
function useChange<T>(fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: connectionsQueryKey }) });
}

export const useAddMaster = () =>
  useChange((input: KeyFields & { name: string; baseUrl: string }) => apiFetch<{ connection: ConnectionView }>('/api/connections', post(input)));

export const useAddSubKey = (masterId: string) =>
  useChange((input: KeyFields & { accountEmail: string }) => apiFetch<{ connection: ConnectionView }>(`/api/connections/${masterId}/sub-accounts`, post(input)));

export const useRotate = (id: string) =>
  useChange((secret: string) => apiFetch<{ connection: ConnectionView }>(`/api/connections/${id}/rotate`, post({ secret })));

export const useRemove = (id: string) => useChange(() => apiFetch<{ removed: string[] }>(`/api/connections/${id}`, { method: 'DELETE' }));
