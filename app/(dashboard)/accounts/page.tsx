import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { AccountsView } from '@/components/accounts/accounts-view';
import { accountsQueryKey, DEFAULT_SHOCK_A, DEFAULT_SHOCK_B } from '@/components/accounts/types';
import { PageHeader } from '@/components/ui/card';
import { makeQueryClient } from '@/lib/query-client';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { getDb } from '@/lib/server/db/client';
import { listAccounts } from '@/lib/server/views/accounts';

export const metadata = { title: 'Accounts' };

export default async function AccountsPage() {
  await requirePageUser('dashboard.read');
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    queryKey: accountsQueryKey(DEFAULT_SHOCK_A, DEFAULT_SHOCK_B),
    queryFn: async () => listAccounts(await getDb(), { shockA: DEFAULT_SHOCK_A, shockB: DEFAULT_SHOCK_B }),
  });
  return (
    <>
      <PageHeader title="Accounts" description="Every sub-account: whether the LiquidationLoan policy binds it and why, margin level against its bars, how far a gap takes it, and what it would owe." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AccountsView />
      </HydrationBoundary>
    </>
  );
}
