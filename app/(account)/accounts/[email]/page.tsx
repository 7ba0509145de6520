import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { AccountDetailView } from '@/components/accounts/account-detail-view';
import { DeskLabelForm } from '@/components/labels/desk-label-form';
import { DetailSkeleton } from '@/components/accounts/skeleton';
import { accountPath, accountQueryKey, DEFAULT_SHOCKS, shocksFrom, type ShockPair } from '@/lib/contracts/accounts';
import { PageHeader } from '@/components/ui/card';
import { can } from '@/lib/permissions';
import { makeQueryClient } from '@/lib/query-client';
import { requirePageUser } from '@/lib/server/auth/page-guard';
import { getDb } from '@/lib/server/db/client';
import { pageDeskLabels } from '@/lib/server/labels';
import { accountExists, loadAccount, shapeAccount, type LoadedAccount } from '@/lib/server/views/account-detail';
import { ShockNotOnGridError } from '@/lib/server/views/errors';

type Props = { params: Promise<{ email: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A malformed %-escape names no account: 404, not a 500 (docs/security.md, "Bad input"). */
function decode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    notFound();
  }
}

export async function generateMetadata({ params }: Props) {
  const email = decode((await params).email);
  return { title: (await pageDeskLabels()).labels[email]?.label ?? email };
}

/** The account's figures at the list's shocks; shocks the refresh stored no point for fall back to the defaults. */
function detailAt(loaded: LoadedAccount, shocks: ShockPair) {
  try {
    return { used: shocks, detail: shapeAccount(loaded, { shockA: shocks.a, shockB: shocks.b }) };
  } catch (error) {
    if (!(error instanceof ShockNotOnGridError)) throw error;
    return { used: DEFAULT_SHOCKS, detail: shapeAccount(loaded, { shockA: DEFAULT_SHOCKS.a, shockB: DEFAULT_SHOCKS.b }) };
  }
}

async function Detail({ email, shocks, canWrite }: { email: string; shocks: ShockPair; canWrite: boolean }) {
  // Read once (one query for its snapshots) and shaped without reading again.
  const loaded = await loadAccount(await getDb(), email);
  if (!loaded) notFound(); // removed by a refresh between the check above and now
  const { used, detail } = detailAt(loaded, shocks);
  const queryClient = makeQueryClient();
  queryClient.setQueryData(accountQueryKey(email, used), detail);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AccountDetailView email={email} shocks={used} canWrite={canWrite} />
    </HydrationBoundary>
  );
}

export default async function AccountPage({ params, searchParams }: Props) {
  const user = await requirePageUser('dashboard.read');
  const email = decode((await params).email);
  // Decided before anything streams, so an unknown account is an HTTP 404, not a 200 with a "not found" body.
  if (!(await accountExists(await getDb(), email))) notFound();
  // The API answers 400 for a shock that is not one; the page sends the reader to the defaults' address.
  const { shocks, valid } = shocksFrom(await searchParams);
  if (!valid) redirect(accountPath(email));
  const label = (await pageDeskLabels()).labels[email]?.label;
  return (
    <>
      <PageHeader
        title={label ?? email}
        description={`${label ? `${email}: one` : 'One'} sub-account from the latest refresh: the rule that applies, how a gap would hit it, balances, key history and review notes.`}
      />
      <div className="-mt-3 mb-5">
        <DeskLabelForm email={email} canEdit={can(user.role, 'labels.write')} />
      </div>
      <Suspense fallback={<DetailSkeleton />}>
        <Detail email={email} shocks={shocks} canWrite={can(user.role, 'notes.write')} />
      </Suspense>
    </>
  );
}
