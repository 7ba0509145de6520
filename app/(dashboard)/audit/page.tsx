import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { AuditLog } from '@/components/audit/audit-log';
import { PageHeader } from '@/components/ui/card';
import { AUDIT_PAGE_SIZE, auditQueryKey, INITIAL_AUDIT_FILTERS } from '@/lib/contracts/audit';
import { makeQueryClient } from '@/lib/query-client';
import { listAudit, listAuditActions } from '@/lib/server/audit';
import { requirePageUser } from '@/lib/server/auth/page-guard';

export const metadata = { title: 'Audit' };

export default async function AuditPage() {
  await requirePageUser('audit.read');
  const queryClient = makeQueryClient();
  const [actions] = await Promise.all([
    listAuditActions(),
    queryClient.prefetchQuery({
      queryKey: auditQueryKey(INITIAL_AUDIT_FILTERS),
      queryFn: () => listAudit({ page: 1, pageSize: AUDIT_PAGE_SIZE }),
    }),
  ]);
  return (
    <>
      <PageHeader title="Audit log" description="Who did what, when, with what effect: sign-ins, key changes, exits, notes." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AuditLog actions={actions} />
      </HydrationBoundary>
    </>
  );
}
