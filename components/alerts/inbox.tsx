'use client';

import { useState } from 'react';
import { CONDITION_KINDS, KIND_LABELS } from '@/lib/alerts';
import { INITIAL_ALERT_FILTERS, type AlertFilters } from '@/lib/contracts/alerts';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/ui/states';
import { AlertCard } from './alert-card';
import { useAlerts } from './use-alerts';
import { input } from '@/components/ui/controls';


/** The in-app inbox: every alert raised, filtered by state, rule kind and account; acknowledge in place. */
export function AlertInbox({ canAck }: { canAck: boolean }) {
  const [filters, setFilters] = useState<AlertFilters>(INITIAL_ALERT_FILTERS);
  const query = useAlerts(filters);
  const set = (patch: Partial<AlertFilters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <div className="space-y-4">
      <form aria-label="Filter alerts" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
          <span className="block">State</span>
          <select className={input} value={filters.state} onChange={(e) => set({ state: e.target.value as AlertFilters['state'] })}>
            <option value="open">Open</option>
            <option value="acknowledged">Acknowledged</option>
            <option value="all">All</option>
          </select>
        </label>
        <label className="min-w-0 text-xs font-medium text-slate-600 dark:text-slate-400">
          <span className="block">Rule</span>
          <select className={`${input} max-w-[18rem]`} value={filters.kind} onChange={(e) => set({ kind: e.target.value as AlertFilters['kind'] })}>
            <option value="all">Every rule</option>
            {CONDITION_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
          <span className="block">Account</span>
          <input className={`${input} w-48`} value={filters.account} placeholder="desk-alpha" onChange={(e) => set({ account: e.target.value })} />
        </label>
        {query.data && (
          <p className="num pb-2 text-sm text-slate-600 dark:text-slate-400" data-testid="alert-totals">
            {query.data.matching} shown · {query.data.open} open in all
          </p>
        )}
      </form>
      {query.isPending ? (
        <TableSkeleton rows={4} />
      ) : query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
      ) : query.data.alerts.length === 0 ? (
        <EmptyState title={filters.state === 'open' ? 'No open alerts' : 'No alerts match'}>
          Alerts appear here when a rule’s condition becomes true after a refresh. Rules and channels are under Settings → Alerts.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {query.data.alerts.map((a) => <AlertCard key={a.id} alert={a} canAck={canAck} />)}
        </ul>
      )}
    </div>
  );
}
