'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch, idempotencyKey, singleFlight } from '@/lib/api-client';
import { ACCOUNTS_QUERY_ROOT } from '@/lib/contracts/accounts';
import { keysQueryKey } from '@/lib/contracts/keys';

/**
 * One key action: JSON to our API, then the inventory and accounts re-read (a refresh has started). A second
 * click while the first is on its way joins it, and each action carries its own Idempotency-Key: the server
 * acts once (docs/security.md, "Acting once").
 */
export function useKeyAction<T>(path: string, method: 'POST' | 'PUT' | 'DELETE') {
  const queryClient = useQueryClient();
  const [send] = useState(() => singleFlight((body: unknown) => apiFetch<T>(path, { method, body: JSON.stringify(body), headers: { 'idempotency-key': idempotencyKey() } })));
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keysQueryKey });
      await queryClient.invalidateQueries({ queryKey: ACCOUNTS_QUERY_ROOT });
    },
  });
}
