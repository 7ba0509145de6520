import { formatAge, formatDateTime, formatUsd } from '@/lib/format';
import type { OverviewData } from '@/lib/contracts/overview';

type Tile = { label: string; value: string; note?: string; alert?: boolean };

/** Master totals, exact to the cent, with the time of the data behind them. */
export function TotalsStrip({ data, live = false }: { data: OverviewData; live?: boolean }) {
  const { totals } = data;
  const loans = Number(totals.outstandingLoansUsd) > 0;
  const negative = totals.equityUsd.startsWith('-');
  // Unknown is never zero (docs/domain.md#status): totals missing an unpriced asset are lower bounds.
  const held = data.unpriced.byAsset.filter((u) => u.held !== '0');
  const owed = data.unpriced.byAsset.filter((u) => u.owed !== '0');
  const bound = (some: boolean) => (some ? '≥ ' : '');
  const list = (rows: typeof held, key: 'held' | 'owed') => rows.map((u) => `${u[key]} ${u.asset}`).join(', ');
  const tiles: Tile[] = [
    { label: 'Assets', value: bound(held.length > 0) + formatUsd(totals.assetsUsd, 2), note: held.length ? `⚠ plus ${list(held, 'held')}: no price` : undefined },
    { label: 'Liabilities', value: bound(owed.length > 0) + formatUsd(totals.liabilitiesUsd, 2), alert: owed.length > 0, note: owed.length ? `⚠ plus ${list(owed, 'owed')} owed: no price` : undefined },
    { label: 'Net equity', value: (data.unpriced.accounts > 0 ? '? ' : '') + formatUsd(totals.equityUsd, 2), alert: negative, note: data.unpriced.accounts > 0 ? `⚠ incomplete: ${data.unpriced.accounts} account${data.unpriced.accounts === 1 ? '' : 's'} hold unpriced assets` : negative ? '⚠ Liabilities exceed assets' : undefined },
    {
      label: 'Outstanding loans',
      value: formatUsd(totals.outstandingLoansUsd, 2),
      alert: loans,
      note: loans ? `⚠ LiquidationLoan ${formatUsd(totals.liquidationLoanUsd)} · PM Pro ${formatUsd(totals.pmBankruptcyLoanUsd)}` : 'None to repay',
    },
  ];
  return (
    <section aria-label="Master totals" className="space-y-2">
      <div className="grid grid-cols-2 gap-4 xl:grid-cols-4">
        {tiles.map((t) => (
          <div key={t.label} className={`rounded-xl border bg-white p-4 shadow-sm dark:bg-slate-900 ${t.alert ? 'border-red-300 dark:border-red-900' : 'border-slate-200 dark:border-slate-800'}`}>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{t.label}</p>
            <p className={`num mt-1 whitespace-nowrap text-xl font-semibold ${t.alert ? 'text-red-700 dark:text-red-400' : ''}`}>
              {t.value.replace(/ USD$/, '')} <span className="text-sm font-medium opacity-70">USD</span>
            </p>
            {t.note && <p className={`mt-1 text-xs ${t.alert ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}>{t.note}</p>}
          </div>
        ))}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="data-time">
        {data.accountCount.toLocaleString('en-US')} sub-accounts · {live && 'assets, liabilities and equity live from the exchange’s streams; other figures: '}data as of{' '}
        {formatDateTime(data.takenAt)}{' '}
        <span suppressHydrationWarning>({formatAge(data.takenAt)} ago)</span>
        {data.oldestDataAt !== data.takenAt && <> · ⚠ some accounts carry older data, from {formatDateTime(data.oldestDataAt)}</>}
      </p>
    </section>
  );
}
