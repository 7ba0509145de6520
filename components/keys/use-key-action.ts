'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { ACCOUNTS_QUERY_ROOT } from '@/lib/contracts/accounts';
import { keysQueryKey } from '@/lib/contracts/keys';

/** One key action: JSON to our API, then the inventory and accounts re-read (a refresh has started). */
export function useKeyAction<T>(path: string, method: 'POST' | 'PUT' | 'DELETE') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiFetch<T>(path, { method, body: JSON.stringify(body) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keysQueryKey });
      await queryClient.invalidateQueries({ queryKey: ACCOUNTS_QUERY_ROOT });
    },
  });
}
