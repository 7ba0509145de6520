import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LiveSync } from '@/components/live/live-sync';
import { Header } from '@/components/shell/header';
import { Sidebar } from '@/components/shell/sidebar';
import { LABELS_QUERY_KEY } from '@/lib/contracts/labels';
import { getEnv } from '@/lib/env';
import { makeQueryClient } from '@/lib/query-client';
import { pageDeskLabels } from '@/lib/server/labels';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { signOutAction, signOutEverywhereAction } from './actions';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  // Desk labels name accounts on every page: sent with the page, so rows never grow and shift once they load.
  const queryClient = makeQueryClient();
  queryClient.setQueryData(LABELS_QUERY_KEY, await pageDeskLabels());
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="flex h-screen">
        <Sidebar />
        <div className="flex min-w-0 flex-1 flex-col">
          <Header user={user} demo={getEnv().demo} signOutAction={signOutAction} signOutEverywhereAction={signOutEverywhereAction} />
          {/* Focusable: the page scrolls inside <main>, and a keyboard user scrolls it with the arrow keys. */}
          <main tabIndex={0} className="min-w-0 flex-1 overflow-y-auto px-4 py-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-inset sm:px-6 lg:px-8 lg:py-6">{children}</main>
          <LiveSync />
        </div>
      </div>
    </HydrationBoundary>
  );
}
