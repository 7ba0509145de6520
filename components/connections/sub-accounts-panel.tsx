'use client';

import { useState } from 'react';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/ui/states';
import { AddSubKeyForm } from './add-sub-key-form';
import { ConnectionSummary } from './connection-summary';
import { KeyActions } from './key-actions';
import { button } from '@/components/ui/controls';
import type { SubAccountList, SubAccountRow } from '@/lib/contracts/connections';
import { formatAge, formatDateTime } from '@/lib/format';
import { useReadSubAccounts, useSubAccounts } from './use-connections';

/**
 * The master's sub-accounts as the exchange last listed them (a refresh, or "Read now"), each with its stored key
 * or an "Add key". Opening the panel reads the stored list only: listing from the exchange is the explicit button.
 */
export function SubAccountsPanel({ masterId, canWrite }: { masterId: string; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const query = useSubAccounts(masterId, open);
  const stored = query.data?.subAccounts.filter((s) => s.connection).length;
  return (
    <div className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-800">
      <button type="button" className="flex items-center gap-2 text-sm font-medium text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden className={`inline-block transition-transform ${open ? 'rotate-90' : ''}`}>▸</span>
        Sub-accounts
        {query.data && (
          <span className="num text-xs font-normal text-slate-500">
            {query.data.subAccounts.length} · {stored} with a stored key
          </span>
        )}
      </button>
      {open && (
        <div className="mt-3">
          {query.data && <ListedLine list={query.data} masterId={masterId} />}
          {query.isPending ? (
            <TableSkeleton rows={4} />
          ) : query.isError ? (
            <ErrorState title="Could not list the sub-accounts" message={query.error.message} onRetry={() => query.refetch()} />
          ) : query.data.subAccounts.length === 0 ? (
            query.data.listedAt === null ? (
              <EmptyState title="Not listed yet">The first refresh lists this master’s sub-accounts; “Read now” lists them at once.</EmptyState>
            ) : (
              <EmptyState title="No sub-accounts under this master">The exchange lists none. Sub-accounts appear here once created on Binance.</EmptyState>
            )
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800" aria-label="Sub-accounts">
              {query.data.subAccounts.map((s) => (
                <SubAccountItem key={s.email} row={s} masterId={masterId} canWrite={canWrite} />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function SubAccountItem({ row, masterId, canWrite }: { row: SubAccountRow; masterId: string; canWrite: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <li className="px-4 py-3" data-testid="sub-account" data-email={row.email}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate font-medium">{row.email}</p>
          <p className="text-xs text-slate-500">
            {row.remark || 'No remark'}
            {row.isFreeze && <span className="ml-2 font-semibold text-amber-700 dark:text-amber-300">Frozen</span>}
            {row.discovered === false && <span className="ml-2 font-semibold text-amber-700 dark:text-amber-300">No longer listed by the master</span>}
          </p>
        </div>
        {!row.connection && (
          <div className="flex items-center gap-3">
            <span className="text-xs text-slate-500">No key stored: special keys unknown</span>
            {canWrite && !adding && (
              <button type="button" className={button.quiet} onClick={() => setAdding(true)} aria-label={`Add key for ${row.email}`}>
                Add key
              </button>
            )}
          </div>
        )}
      </div>
      {row.connection && (
        <div className="mt-2 flex flex-wrap items-start justify-between gap-3 rounded-md bg-slate-50 p-3 dark:bg-slate-950/50">
          <ConnectionSummary connection={row.connection} nested />
          {canWrite && <KeyActions connection={row.connection} />}
        </div>
      )}
      {adding && (
        <div className="mt-3">
          <AddSubKeyForm masterId={masterId} accountEmail={row.email} onDone={() => setAdding(false)} />
        </div>
      )}
    </li>
  );
}

/** When the exchange last listed the sub-accounts, and the one action that lists them again. */
function ListedLine({ list, masterId }: { list: SubAccountList; masterId: string }) {
  const read = useReadSubAccounts(masterId);
  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500" data-testid="sub-accounts-listed">
      <span>
        {list.listedAt === null ? (
          'Never listed from the exchange yet'
        ) : (
          <>
            Listed by the exchange <time dateTime={list.listedAt} title={formatDateTime(list.listedAt)}>{formatAge(list.listedAt)} ago</time>
          </>
        )}
      </span>
      <button type="button" className={button.quiet} disabled={read.isPending} onClick={() => read.mutate()}>
        {read.isPending ? 'Reading…' : 'Read now'}
      </button>
      {read.isError && <span role="alert" className="text-rose-700 dark:text-rose-300">Could not list them: {read.error.message}</span>}
    </div>
  );
}
