import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { redirect } from 'next/navigation';
import { AccountsView } from '@/components/accounts/accounts-view';
import { filtersFrom } from '@/components/accounts/filters';
import { accountsQueryKey, shocksFrom } from '@/lib/contracts/accounts';
import { PageHeader } from '@/components/ui/card';
import { makeQueryClient } from '@/lib/query-client';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { getDb } from '@/lib/server/db/client';
import { listAccounts } from '@/lib/server/views/accounts';

export const metadata = { title: 'Accounts' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountsPage({ searchParams }: Props) {
  await requirePageUser('dashboard.read');
  // The chosen shocks live in the URL, so a reload, a shared link and the detail page all keep them.
  // The API answers 400 for a shock that is not one; the page sends the reader to the defaults' address.
  const params = await searchParams;
  const { shocks, valid } = shocksFrom(params);
  if (!valid) redirect('/accounts');
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    queryKey: accountsQueryKey(shocks.a, shocks.b),
    queryFn: async () => listAccounts(await getDb(), { shockA: shocks.a, shockB: shocks.b }),
  });
  return (
    <>
      <PageHeader title="Accounts" description="Every sub-account: whether the LiquidationLoan policy binds it and why, margin level against its bars, how far a gap takes it, and what it would owe." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AccountsView initialShocks={shocks} initialFilters={filtersFrom(params)} />
      </HydrationBoundary>
    </>
  );
}
