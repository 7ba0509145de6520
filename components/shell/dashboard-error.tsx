'use client';

import { ErrorState } from '@/components/ui/states';

/** Error boundary for dashboard pages: shows the digest for support, never a stack trace. */
export function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="This page could not be shown"
      message={`The server could not prepare this page.${error.digest ? ` Reference: ${error.digest}.` : ''}`}
      onRetry={reset}
    />
  );
}
