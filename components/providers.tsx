'use client';

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { makeQueryClient } from '@/lib/query-client';
import { StepUpPrompt } from '@/components/security/step-up-prompt';

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState<QueryClient>(makeQueryClient);
  // A button the server rendered does nothing until React has hydrated it; the mark lets a test (and a
  // support session) tell "clicked too early" from "the click did nothing".
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <QueryClientProvider client={client}>
      {children}
      <StepUpPrompt />
    </QueryClientProvider>
  );
}
