import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { ScenariosPanel } from '@/components/scenarios/scenarios-panel';
import { PageHeader } from '@/components/ui/card';
import { SCENARIOS_QUERY_KEY } from '@/lib/contracts/scenarios';
import { can } from '@/lib/permissions';
import { makeQueryClient } from '@/lib/query-client';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { getDb } from '@/lib/server/db/client';
import { scenarioList } from '@/lib/server/scenarios';

export const metadata = { title: 'Scenarios' };

export default async function ScenariosPage() {
  const user = await requirePageUser('dashboard.read');
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ queryKey: SCENARIOS_QUERY_KEY, queryFn: async () => scenarioList(await getDb()) });
  return (
    <>
      <PageHeader
        title="Scenarios"
        description="Move each asset by its own shock — BTC one way, ETH another, every other coin a third, stablecoins de-pegging — and see what each sub-account and the master would owe, on the last refresh’s balances. Estimates, computed like the uniform stress curve."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ScenariosPanel canSave={can(user.role, 'scenarios.write')} />
      </HydrationBoundary>
    </>
  );
}
