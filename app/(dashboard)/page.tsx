import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { Overview } from '@/components/risk/overview';
import { PageHeader } from '@/components/ui/card';
import { OVERVIEW_QUERY_KEY } from '@/lib/contracts/overview';
import { makeQueryClient } from '@/lib/query-client';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { getDb } from '@/lib/server/db/client';
import { getOverview } from '@/lib/server/views/overview';

export const metadata = { title: 'Overview' };

export default async function OverviewPage() {
  await requirePageUser();
  const queryClient = makeQueryClient();
  // A failed prefetch is not cached: the client fetches again and shows its own error state.
  await queryClient.prefetchQuery({ queryKey: OVERVIEW_QUERY_KEY, queryFn: async () => getOverview(await getDb()) });
  return (
    <>
      <PageHeader
        title="Overview"
        description="Which sub-accounts could leave you owing a LiquidationLoan, how far each is from liquidation, and how much the master could owe if the market gaps."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Overview />
      </HydrationBoundary>
    </>
  );
}
