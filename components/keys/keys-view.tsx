'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/ui/states';
import { apiFetch } from '@/lib/api-client';
import { countOf, formatDateTime } from '@/lib/format';
import { AccountGroup, type KeyActionsProps } from './account-group';
import { CreateKeyDialog } from './create-key-dialog';
import { inventoryCsv } from './csv';
import { DeleteKeyDialog } from './delete-key-dialog';
import { EditIpDialog } from './edit-ip-dialog';
import { FlagLegend } from './flag-legend';
import { applyFilters, NO_FILTERS, type KeyFilters } from './filters';
import { SummaryStrip } from './summary-strip';
import { TermsCard } from './terms-card';
import { KeysToolbar } from './toolbar';
import { keysQueryKey, type InventoryAccount, type InventoryKey, type KeyInventory } from '@/lib/contracts/keys';
import { button } from '@/components/ui/controls';

type Dialog = { kind: 'create'; account: InventoryAccount } | { kind: 'edit' | 'delete'; account: InventoryAccount; key: InventoryKey } | null;

/** The Keys page. `canWrite` (keys.write) and `canRecordTerms` (terms.write) decide whether any action is rendered. */
export function KeysView({ canWrite, canRecordTerms }: { canWrite: boolean; canRecordTerms: boolean }) {
  const query = useQuery({ queryKey: keysQueryKey, queryFn: () => apiFetch<KeyInventory>('/api/keys'), refetchInterval: 30_000 });
  const [filters, setFilters] = useState<KeyFilters>(NO_FILTERS);
  const [dialog, setDialog] = useState<Dialog>(null);
  const groups = useMemo(() => (query.data ? applyFilters(query.data.accounts, filters) : []), [query.data, filters]);

  if (query.isPending) return <TableSkeleton rows={8} />;
  if (query.isError) return <ErrorState title="Could not load the keys" message={query.error.message} onRetry={() => query.refetch()} />;
  const data = query.data;
  if (!data.masterId) return <EmptyState title="No keys yet">Store the master’s key in Settings → Connections; its accounts’ keys appear after the first refresh.</EmptyState>;

  const now = new Date(data.generatedAt);
  const actions: KeyActionsProps = canWrite
    ? {
        onCreate: (account) => setDialog({ kind: 'create', account }),
        onEditIp: (account, key) => setDialog({ kind: 'edit', account, key }),
        onDelete: (account, key) => setDialog({ kind: 'delete', account, key }),
      }
    : {};
  const exportCsv = () => {
    const blob = new Blob([inventoryCsv(groups)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `keys-${data.generatedAt.slice(0, 19).replace(/[:T]/g, '-')}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const shownKeys = groups.reduce((n, g) => n + g.keys.length, 0);
  const shownDeleted = groups.reduce((n, g) => n + g.keys.filter((k) => k.deletedAt !== null).length, 0);

  return (
    <div className="space-y-4">
      <SummaryStrip summary={data.summary} />
      <TermsCard terms={data.terms} canRecord={canRecordTerms} />
      <FlagLegend />
      <KeysToolbar filters={filters} onChange={(p) => setFilters((f) => ({ ...f, ...p }))} />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400">
        <p className="num" data-testid="keys-count">
          {countOf(shownKeys - shownDeleted, 'key')}{shownDeleted > 0 && ` and ${countOf(shownDeleted, 'deleted special key')}`} on {countOf(groups.length, 'account')} · as stored at {formatDateTime(data.generatedAt)}
          {query.isFetching && <span className="ml-2" aria-live="polite">updating…</span>}
        </p>
        <button type="button" onClick={exportCsv} disabled={shownKeys === 0} className={button.quiet}>
          Export CSV
        </button>
      </div>
      {groups.length === 0 ? (
        <EmptyState title="No key matches these filters" action={<button type="button" className="underline" onClick={() => setFilters(NO_FILTERS)}>Clear the filters</button>} />
      ) : (
        groups.map(({ account, keys }) => <AccountGroup key={account.email} account={account} keys={keys} now={now} actions={actions} />)
      )}
      {dialog?.kind === 'create' && <CreateKeyDialog account={dialog.account} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditIpDialog account={dialog.account} k={dialog.key} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && <DeleteKeyDialog account={dialog.account} k={dialog.key} onClose={() => setDialog(null)} />}
    </div>
  );
}
