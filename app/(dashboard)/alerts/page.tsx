import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import Link from 'next/link';
import { AlertInbox } from '@/components/alerts/inbox';
import { PageHeader } from '@/components/ui/card';
import { alertsQueryKey, INITIAL_ALERT_FILTERS } from '@/lib/contracts/alerts';
import { can } from '@/lib/permissions';
import { makeQueryClient } from '@/lib/query-client';
import { listAlerts } from '@/lib/server/alerts/views';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { getDb } from '@/lib/server/db/client';

export const metadata = { title: 'Alerts' };

export default async function AlertsPage() {
  const user = await requirePageUser('alerts.read');
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ queryKey: alertsQueryKey(INITIAL_ALERT_FILTERS), queryFn: async () => listAlerts(await getDb(), INITIAL_ALERT_FILTERS) });
  return (
    <>
      <PageHeader
        title="Alerts"
        description={<>Raised once when a rule’s condition becomes true, again only when it worsens a step or after it cleared. Rules and channels: <Link className="font-medium underline" href="/settings/alerts">Settings → Alerts</Link>.</>}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AlertInbox canAck={can(user.role, 'alerts.ack')} />
      </HydrationBoundary>
    </>
  );
}
