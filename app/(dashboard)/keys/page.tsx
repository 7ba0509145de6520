import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { KeysView } from '@/components/keys/keys-view';
import { keysQueryKey } from '@/lib/contracts/keys';
import { PageHeader } from '@/components/ui/card';
import { can } from '@/lib/permissions';
import { makeQueryClient } from '@/lib/query-client';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { getDb } from '@/lib/server/db/client';
import { loadInventory } from '@/lib/server/keys/inventory';

export const metadata = { title: 'Keys' };

export default async function KeysPage() {
  const user = await requirePageUser('keys.read');
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ queryKey: keysQueryKey, queryFn: async () => loadInventory(await getDb()) });
  const canWrite = can(user.role, 'keys.write');
  return (
    <>
      <PageHeader
        title="Keys"
        description={`Every account’s normal and Margin Special keys against Binance’s 30-keys-per-account limit, the keys that need attention, and which accounts a special key binds to the LiquidationLoan policy.${canWrite ? '' : ' Review only: the owner creates and deletes keys.'}`}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <KeysView canWrite={canWrite} canRecordTerms={can(user.role, 'terms.write')} />
      </HydrationBoundary>
    </>
  );
}
