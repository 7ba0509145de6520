'use client';

import { Card } from '@/components/ui/card';
import { ErrorState, Skeleton } from '@/components/ui/states';
import { LoansHistoryChart, OwedHistoryChart, shockColor, statusFill, StatusHistoryChart } from '@/components/charts/master-history-charts';
import { masterSeries } from '@/lib/charts/master-history-series';
import type { MasterHistory } from '@/lib/contracts/master-history';
import { countOf, formatDateTime, formatShock, formatUsd } from '@/lib/format';
import { STATUS_LABEL } from '@/lib/risk';
import { useMasterHistory } from './use-master-history';

const TITLE = 'Master history';
const usd = (v: number | string | null) => (v === null ? 'not stored' : formatUsd(v));

/** "From → to" over the window, in words, so the charts' message is readable without them. */
function Summary({ history }: { history: MasterHistory }) {
  const first = history.points[0]!;
  const last = history.points.at(-1)!;
  const fall = history.shocks.findIndex((s) => s < 0);
  return (
    <p className="mb-3 text-sm text-slate-700 dark:text-slate-300" data-testid="master-history-summary">
      {countOf(history.refreshes, 'refresh', 'refreshes')} from {formatDateTime(first.t)} to {formatDateTime(last.t)} (kept {history.retentionDays} days).{' '}
      {fall >= 0 && <>Projected loan at {formatShock(history.shocks[fall]!)}: <span className="num">{usd(first.owed[fall] ?? null)} → {usd(last.owed[fall] ?? null)}</span>. </>}
      Outstanding loans: <span className="num">{usd(first.outstandingLoansUsd)} → {usd(last.outstandingLoansUsd)}</span>.
    </p>
  );
}

function Legend({ items }: { items: { key: string; label: string; color: string; dashed?: boolean }[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
      {items.map((i) => (
        <li key={i.key} className="flex items-center gap-1.5">
          <span className={`inline-block w-4 border-t-2 ${i.dashed ? 'border-dashed' : ''}`} style={{ borderColor: i.color }} aria-hidden />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * The master over the retention window, from the master risk each refresh stored: the projected loan at the
 * Overview's shocks, the outstanding loans and the accounts by status (issue 17).
 */
export function MasterHistoryCard() {
  const query = useMasterHistory();
  if (query.isPending) return <Card title={TITLE}><Skeleton className="h-48 w-full" /></Card>;
  if (query.isError) return <ErrorState title="Could not load the master history" message={query.error.message} onRetry={() => query.refetch()} />;
  const history = query.data;
  if (!history || history.points.length === 0) return null;
  if (history.points.length === 1) {
    const only = history.points[0]!;
    return (
      <Card title={TITLE}>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="master-history-one">
          One refresh so far ({formatDateTime(only.t)}): outstanding loans {usd(only.outstandingLoansUsd)}. The lines start with the next refresh.
        </p>
      </Card>
    );
  }
  const { rows, statuses } = masterSeries(history);
  return (
    <Card title={TITLE}>
      <section data-testid="master-history">
        <Summary history={history} />
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
          <figure className="min-w-0">
            <figcaption className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-200">Projected loan at each shock, USD (estimate)</figcaption>
            <OwedHistoryChart rows={rows} shocks={history.shocks} />
            <Legend items={history.shocks.map((s, i) => ({ key: String(s), label: `at ${formatShock(s)}`, color: shockColor(i), dashed: s > 0 }))} />
          </figure>
          <figure className="min-w-0">
            <figcaption className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-200">Outstanding loans, USD</figcaption>
            <LoansHistoryChart rows={rows} />
            <Legend items={[{ key: 'loans', label: 'LiquidationLoans and PM Pro bankruptcy loans', color: '#dc2626' }]} />
          </figure>
          <figure className="min-w-0">
            <figcaption className="mb-1 text-xs font-semibold text-slate-700 dark:text-slate-200">Accounts by status</figcaption>
            <StatusHistoryChart rows={rows} statuses={statuses} />
            <Legend items={statuses.map((s) => ({ key: s, label: STATUS_LABEL[s].label, color: statusFill(s) }))} />
          </figure>
        </div>
        {rows.length > history.points.length && (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Breaks in the lines: refreshes that did not run or did not finish.</p>
        )}
      </section>
    </Card>
  );
}
