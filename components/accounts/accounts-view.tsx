'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useRef, useState } from 'react';
import { LiveIndicator } from '@/components/live/live-indicator';
import { useLive } from '@/components/live/use-live';
import { withLiveRow } from '@/components/live/with-live';
import { ErrorState } from '@/components/ui/states';
import { apiFetch } from '@/lib/api-client';
import { countOf, formatDateTime } from '@/lib/format';
import { toCsv } from '@/lib/format-table';
import { AccountCards } from './account-cards';
import { accountColumns } from './columns';
import { DataTable } from './data-table';
import { AccountsEmpty } from './empty-state';
import { matches, NO_FILTERS, type AccountFilters } from './filters';
import { AccountsSkeleton } from './skeleton';
import { Toolbar } from './toolbar';
import { accountsApiPath, accountsQueryKey, shockSearch, type AccountList, type AccountRow, type ShockPair } from '@/lib/contracts/accounts';
import { useReviews } from '@/components/review/use-reviews';
import { useDeskLabelNames } from '@/components/labels/use-desk-labels';
import { useMediaQuery } from './use-media-query';
import { useNow } from './use-now';
import { ClockIcon, WarnIcon } from '@/components/ui/icons';
import { button } from '@/components/ui/controls';

const EMPTY: AccountRow[] = [];

export function AccountsView({ initialShocks, initialFilters = NO_FILTERS }: { initialShocks: ShockPair; initialFilters?: AccountFilters }) {
  const [shocks, setShocksState] = useState(initialShocks);
  const setShocks = (next: ShockPair) => {
    setShocksState(next);
    // Kept in the URL (without a navigation): a reload and the detail page's links follow the choice.
    window.history.replaceState(null, '', `/accounts${shockSearch(next)}`);
  };
  const [filters, setFilters] = useState<AccountFilters>(initialFilters);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'liquidation', desc: false }]);
  const query = useQuery({
    queryKey: accountsQueryKey(shocks.a, shocks.b),
    queryFn: () => apiFetch<AccountList>(accountsApiPath(shocks)),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const phone = useMediaQuery('(max-width: 767px)');
  const now = useNow(query.data?.refresh?.finishedAt ?? null);
  const live = useLive();
  const reviews = useReviews().data?.reviews;
  const labels = useDeskLabelNames();
  const rows = query.data?.rows ?? EMPTY;
  const all = useMemo(() => rows.map((r) => withLiveRow(r, live.accounts[r.email])), [rows, live.accounts]);
  const filtered = useMemo(() => all.filter((r) => matches(r, filters, reviews, labels)), [all, filters, reviews, labels]);
  // Nothing re-sorts under the reader's pointer: while it is over the rows, they keep their order and only
  // their figures change (and flash); the order catches up when the pointer leaves them (headers still sort).
  const [frozen, setFrozen] = useState<string[] | null>(null);
  const order = useRef<string[]>([]);
  const shown = useMemo(() => {
    if (!frozen) return filtered;
    const byEmail = new Map(filtered.map((r) => [r.email, r]));
    return frozen.map((e) => byEmail.get(e)).filter((r): r is AccountRow => r !== undefined);
  }, [filtered, frozen]);
  const { columns, specs } = useMemo(() => accountColumns(shocks.a, shocks.b, now, reviews, labels), [shocks.a, shocks.b, now, reviews, labels]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table's API is not memoizable by the compiler.
  const table = useReactTable({ data: shown, columns, state: { sorting }, onSortingChange: setSorting, manualSorting: frozen !== null, getRowId: (r) => r.email, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });
  order.current = table.getRowModel().rows.map((r) => r.original.email);

  if (query.isPending) return <AccountsSkeleton />;
  if (query.isError) return <ErrorState title="Could not load the accounts" message={query.error.message} onRetry={() => query.refetch()} />;
  const data = query.data;
  if (!data.refresh) return <AccountsEmpty reason="no-data" onClear={() => setFilters(NO_FILTERS)} />;

  const exportCsv = () => {
    // Exactly what is shown: the filtered rows in the table's current order, every column including mode.
    const rows = table.getRowModel().rows.map((r) => specs.map((s) => s.csv(r.original)));
    const blob = new Blob([toCsv(specs.map((s) => s.header), rows)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `accounts-${data.refresh!.startedAt.slice(0, 19).replace(/[:T]/g, '-')}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const stale = all.filter((r) => r.stale).length;

  return (
    <div className="space-y-3">
      <Toolbar filters={filters} onChange={(p) => setFilters((f) => ({ ...f, ...p }))} shocks={data.shocks} onShocks={(a, b) => setShocks({ a, b })} />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400">
        <p className="num" data-testid="accounts-count">
          {shown.length === all.length ? countOf(all.length, 'sub-account') : `${shown.length.toLocaleString('en-US')} of ${countOf(all.length, 'sub-account')}`}
          {' · '}refresh of {formatDateTime(data.refresh.startedAt)}
          {data.refresh.status === 'partial' && ' (partial)'}
          {stale > 0 && <span className="ml-2 font-medium text-amber-800 dark:text-amber-300"><ClockIcon />{stale} stale</span>}
          {query.isFetching && <span className="ml-2" aria-live="polite">updating…</span>}
        </p>
        <LiveIndicator />
        <button
          type="button"
          onClick={exportCsv}
          disabled={shown.length === 0}
          className={button.quiet}
        >
          Export CSV
        </button>
      </div>
      {shown.length === 0 ? (
        <AccountsEmpty reason="no-match" onClear={() => setFilters(NO_FILTERS)} />
      ) : phone ? (
        <AccountCards table={table} specs={specs} now={now} />
      ) : (
        <DataTable table={table} movedAt={live.movedAt} onRowsHover={(over) => setFrozen(over ? order.current : null)} />
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Projected figures are estimates: the deficit left if every non-stable price gaps by the shock and liquidation fills at 1 % cost.
        {' '}<WarnIcon />owed as a LiquidationLoan (bound), ? could be owed (binding unknown), “coll. lost” means a standard liquidation with nothing owed.
      </p>
    </div>
  );
}
