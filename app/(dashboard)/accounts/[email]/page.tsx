import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { AccountDetailView } from '@/components/accounts/account-detail-view';
import { accountQueryKey, DEFAULT_SHOCK_A, DEFAULT_SHOCK_B } from '@/components/accounts/types';
import { PageHeader } from '@/components/ui/card';
import { can } from '@/lib/permissions';
import { makeQueryClient } from '@/lib/query-client';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { getDb } from '@/lib/server/db/client';
import { accountDetail } from '@/lib/server/views/account-detail';

type Props = { params: Promise<{ email: string }> };

const decode = (s: string) => (s.includes('%') ? decodeURIComponent(s) : s);

export async function generateMetadata({ params }: Props) {
  return { title: decode((await params).email) };
}

export default async function AccountPage({ params }: Props) {
  const user = await requirePageUser('dashboard.read');
  const email = decode((await params).email);
  const detail = await accountDetail(await getDb(), email, { shockA: DEFAULT_SHOCK_A, shockB: DEFAULT_SHOCK_B });
  if (!detail) notFound();
  const queryClient = makeQueryClient();
  queryClient.setQueryData(accountQueryKey(email), detail);
  return (
    <>
      <PageHeader title={email} description="One sub-account from the latest refresh: the rule that applies, how a gap would hit it, balances, key history and review notes." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AccountDetailView email={email} canWrite={can(user.role, 'notes.write')} />
      </HydrationBoundary>
    </>
  );
}
