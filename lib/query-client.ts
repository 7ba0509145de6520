import { QueryClient } from '@tanstack/react-query';

/** One factory for server prefetching and the browser: same defaults on both sides of hydration. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data changes on refresh (default every 60 s): refetching more often only loads the server.
        staleTime: 30_000,
        retry: 1,
        refetchOnWindowFocus: true,
      },
    },
  });
}
