import Link from 'next/link';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { ConnectionsPanel } from '@/components/connections/connections-panel';
import { connectionsQueryKey } from '@/lib/contracts/connections';
import { PageHeader } from '@/components/ui/card';
import { can } from '@/lib/permissions';
import { makeQueryClient } from '@/lib/query-client';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { listConnections } from '@/lib/server/connections';

export const metadata = { title: 'Connections' };

export default async function ConnectionsPage() {
  const user = await requirePageUser('connections.read');
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ queryKey: connectionsQueryKey, queryFn: listConnections });
  const canWrite = can(user.role, 'connections.write');
  return (
    <>
      <PageHeader
        title="Connections"
        description={
          canWrite
            ? <>The master’s normal API key and each sub-account’s own normal key, checked live and stored sealed. Keys are shown by their last 4 characters only. Changes ask for a code from your authenticator (<Link className="font-medium underline" href="/settings/security">Settings → Security</Link>).</>
            : 'Stored exchange keys, by their last 4 characters. Only the owner can add, rotate or remove keys.'
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ConnectionsPanel canWrite={canWrite} />
      </HydrationBoundary>
    </>
  );
}
