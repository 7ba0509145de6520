import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { ChannelsPanel } from '@/components/alerts/channels-panel';
import { RulesPanel } from '@/components/alerts/rules-panel';
import { Card, PageHeader } from '@/components/ui/card';
import { alertChannelsQueryKey, alertRulesQueryKey } from '@/lib/contracts/alerts';
import { can } from '@/lib/permissions';
import { makeQueryClient } from '@/lib/query-client';
import { channelsView, rulesView } from '@/lib/server/alerts/settings-view';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { getDb } from '@/lib/server/db/client';

export const metadata = { title: 'Alert settings' };

export default async function AlertSettingsPage() {
  const user = await requirePageUser('alerts.read');
  const db = await getDb();
  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: alertRulesQueryKey, queryFn: () => rulesView(db) }),
    queryClient.prefetchQuery({ queryKey: alertChannelsQueryKey, queryFn: () => channelsView(db) }),
  ]);
  const canEdit = can(user.role, 'alerts.write');
  return (
    <>
      <PageHeader
        title="Alert rules and channels"
        description={`Every desk starts with the default rules below. An alert fires once when its condition becomes true, escalates per further step, and re-arms only after clearing by its margin.${canEdit ? '' : ' Only owners change rules and channels.'}`}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
          <Card title="Rules"><RulesPanel canEdit={canEdit} /></Card>
          <Card title="Channels"><ChannelsPanel canEdit={canEdit} /></Card>
        </div>
      </HydrationBoundary>
    </>
  );
}
