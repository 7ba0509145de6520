'use client';

import Link from 'next/link';
import { useRefreshStatus } from '@/components/refresh/use-refresh-status';
import { accountPath } from '@/lib/contracts/accounts';
import { Card } from '@/components/ui/card';
import { formatAge, formatDateTime } from '@/lib/format';
import type { StaleAccount } from '@/lib/contracts/overview';
import { StatusIcon } from '@/components/ui/icons';

/**
 * Accounts whose last read failed: their figures are the last good data, and this says how old it is.
 * When the last refresh failed outright, no account was read since the figures' refresh (`dataAt`):
 * "every account was read" would then be false, whatever the shown refresh's own list says.
 */
export function StaleCallout({ stale, dataAt }: { stale: StaleAccount[]; dataAt: string }) {
  const last = useRefreshStatus().data?.lastFinished;
  const failedAt = last?.status === 'failed' ? (last.finishedAt ?? last.startedAt) : null;
  const noneRead = failedAt && (
    <p className="mb-3 text-sm text-red-800 dark:text-red-300" data-testid="stale-none-read">
      <StatusIcon symbol="✖" />The last refresh ({formatDateTime(failedAt)}) could not read any account: every figure on this page is from the refresh of{' '}
      {formatDateTime(dataAt)} (<span suppressHydrationWarning>{formatAge(dataAt)}</span> old).
    </p>
  );
  if (stale.length === 0 && noneRead) {
    return (
      <Card title="Stale accounts (0)" className="border-red-300 dark:border-red-900">
        {noneRead}
        <p className="text-sm text-slate-700 dark:text-slate-300">The refresh of {formatDateTime(dataAt)} had read every account.</p>
      </Card>
    );
  }
  if (stale.length === 0) {
    return (
      <Card title="Stale accounts">
        <p className="text-sm text-emerald-700 dark:text-emerald-400"><StatusIcon symbol="●" />Every account was read in the last refresh.</p>
      </Card>
    );
  }
  return (
    <Card title={`Stale accounts (${stale.length})`} className="border-amber-300 dark:border-amber-900">
      {noneRead}
      <p className="mb-3 text-sm text-amber-800 dark:text-amber-300">
        <StatusIcon symbol="▲" />{failedAt ? `The refresh of ${formatDateTime(dataAt)}` : 'The last refresh'} could not read these accounts; their figures are the last good data.
      </p>
      <ul className="space-y-3" data-testid="stale-list">
        {stale.map((s) => (
          <li key={s.email} className="rounded-lg bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950/30">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <Link href={accountPath(s.email)} className="min-w-0 font-medium wrap-anywhere hover:underline">{s.email}</Link>
              <span className="num text-xs text-slate-600 dark:text-slate-300" title={formatDateTime(s.dataAt)}>
                data <span suppressHydrationWarning>{formatAge(s.dataAt)}</span> old
              </span>
            </div>
            <p className="mt-1 break-words text-xs text-slate-700 dark:text-slate-300">{s.error ?? 'No error recorded.'}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
