'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { countOf } from '@/lib/format';
import { actionLabel } from '@/lib/audit/describe';
import { AUDIT_PAGE_SIZE, auditFilterParams, auditQueryKey, auditSearchParams, INITIAL_AUDIT_FILTERS, type AuditFilterValues, type AuditPage } from '@/lib/contracts/audit';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/ui/states';
import { DateField } from '@/components/ui/date-field';
import { AuditTable } from './audit-table';
import { button, fieldLabel, input } from '@/components/ui/controls';

function exportParams(f: AuditFilterValues, format: 'csv' | 'json'): string {
  const p = auditFilterParams(f);
  p.set('format', format);
  return p.toString();
}

export function AuditLog({ actions }: { actions: string[] }) {
  const [filters, setFilters] = useState(INITIAL_AUDIT_FILTERS);
  const query = useQuery({
    queryKey: auditQueryKey(filters),
    queryFn: () => apiFetch<AuditPage>(`/api/audit?${auditSearchParams(filters)}`),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<AuditFilterValues>) => setFilters((f) => ({ ...f, page: 1, ...patch }));
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / AUDIT_PAGE_SIZE)) : 1;

  // items-start, buttons at mt-5: level with the inputs under their labels, whatever the date fields' read-out adds below.
  return (
    <div className="space-y-4">
      <form className="flex flex-wrap items-start gap-3" onSubmit={(e) => e.preventDefault()} aria-label="Audit filters">
        <label className={fieldLabel}>
          Actor email
          <input className={input} value={filters.actor} placeholder="name@desk…" onChange={(e) => set({ actor: e.target.value })} />
        </label>
        <label className={fieldLabel}>
          Action
          <select className={input} value={filters.action} onChange={(e) => set({ action: e.target.value })}>
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a} value={a}>{actionLabel(a)}</option>
            ))}
          </select>
        </label>
        <label className={fieldLabel}>
          Account
          <input className={input} value={filters.account} placeholder="desk-…@" onChange={(e) => set({ account: e.target.value })} />
        </label>
        <DateField label="From" labelClassName={`${fieldLabel} w-40`} className={`${input} w-full`} value={filters.from} onChange={(day) => day !== null && set({ from: day })} />
        <DateField label="To" labelClassName={`${fieldLabel} w-40`} className={`${input} w-full`} value={filters.to} onChange={(day) => day !== null && set({ to: day })} />
        <button type="button" className="mt-5 rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => setFilters(INITIAL_AUDIT_FILTERS)}>
          Clear
        </button>
        <a className={`${button.quiet} mt-5`} href={`/api/audit/export?${exportParams(filters, 'csv')}`} download>
          Export CSV
        </a>
        <a className={`${button.quiet} mt-5`} href={`/api/audit/export?${exportParams(filters, 'json')}`} download>
          Export JSON
        </a>
      </form>

      {query.isPending ? (
        <TableSkeleton />
      ) : query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
      ) : query.data.entries.length === 0 ? (
        <EmptyState title="No audit entries match">Sign-ins, key changes, exits and notes are recorded here.</EmptyState>
      ) : (
        <>
          <AuditTable entries={query.data.entries} />
          <nav className="flex items-center justify-between text-sm" aria-label="Pagination">
            <span className="num text-slate-600 dark:text-slate-400">
              {countOf(query.data.total, 'entry', 'entries')} · page {filters.page} of {pages}
            </span>
            <div className="flex gap-2">
              <button type="button" disabled={filters.page <= 1} onClick={() => setFilters((f) => ({ ...f, page: f.page - 1 }))} className={button.small}>
                Previous
              </button>
              <button type="button" disabled={filters.page >= pages} onClick={() => setFilters((f) => ({ ...f, page: f.page + 1 }))} className={button.small}>
                Next
              </button>
            </div>
          </nav>
        </>
      )}
    </div>
  );
}
