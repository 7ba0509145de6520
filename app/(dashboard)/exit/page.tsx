import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { ExitWizard } from '@/components/exit-wizard/exit-wizard';
import { exitQueryKeys } from '@/lib/contracts/exit';
import { PageHeader } from '@/components/ui/card';
import { can } from '@/lib/permissions';
import { makeQueryClient } from '@/lib/query-client';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { getDb } from '@/lib/server/db/client';
import { exitOverview } from '@/lib/server/exit';

export const metadata = { title: 'Exit' };

export default async function ExitPage() {
  const user = await requirePageUser('exit.read');
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ queryKey: exitQueryKeys.overview, queryFn: async () => exitOverview(await getDb()) });
  return (
    <>
      <PageHeader
        title="Exit Margin Special Key mode"
        description={
          <>
            Two steps: delete every special key, then call the exit and wait for confirmation.{' '}
            <strong>Deleting the keys alone is not enough</strong>: until the exit is confirmed the accounts stay bound by the
            LiquidationLoan policy.
          </>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ExitWizard canRun={can(user.role, 'exit.run')} />
      </HydrationBoundary>
    </>
  );
}
