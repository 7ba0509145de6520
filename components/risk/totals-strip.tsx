import Link from 'next/link';
import { accountPath } from '@/lib/contracts/accounts';
import { Figure } from '@/components/ui/figure';
import { countOf, formatAge, formatAssetAmount, formatDateTime, formatUsd } from '@/lib/format';
import type { OverviewData } from '@/lib/contracts/overview';
import { AccountName } from '@/components/labels/account-name';
import { WarnIcon } from '@/components/ui/icons';

type Tile = { label: string; value: string; href: string; note?: string; warn?: boolean; alert?: boolean };

/** Master totals, exact to the cent, with the time of the data behind them; each tile opens what is behind it. */
export function TotalsStrip({ data, live = false }: { data: OverviewData; live?: boolean }) {
  const { totals } = data;
  const loans = Number(totals.outstandingLoansUsd) > 0;
  const negative = totals.equityUsd.startsWith('-');
  // Unknown is never zero (docs/domain.md#status): totals missing an unpriced asset are lower bounds.
  const held = data.unpriced.byAsset.filter((u) => u.held !== '0');
  const owed = data.unpriced.byAsset.filter((u) => u.owed !== '0');
  const bound = (some: boolean) => (some ? '≥ ' : '');
  const list = (rows: typeof held, key: 'held' | 'owed') => rows.map((u) => formatAssetAmount(u[key], u.asset)).join(', ');
  const tiles: Tile[] = [
    { label: 'Assets', value: bound(held.length > 0) + formatUsd(totals.assetsUsd, 2), href: '/accounts', warn: true, note: held.length ? `plus ${list(held, 'held')}: no price` : undefined },
    { label: 'Liabilities', value: bound(owed.length > 0) + formatUsd(totals.liabilitiesUsd, 2), href: '/accounts', warn: true, alert: owed.length > 0, note: owed.length ? `plus ${list(owed, 'owed')} owed: no price` : undefined },
    { label: 'Net equity', value: (data.unpriced.accounts > 0 ? '? ' : '') + formatUsd(totals.equityUsd, 2), href: '/accounts', warn: true, alert: negative, note: data.unpriced.accounts > 0 ? `incomplete: ${countOf(data.unpriced.accounts, 'account')} ${data.unpriced.accounts === 1 ? 'holds' : 'hold'} unpriced assets` : negative ? 'Liabilities exceed assets' : undefined },
    {
      label: 'Outstanding loans',
      value: formatUsd(totals.outstandingLoansUsd, 2),
      href: '#who-owes',
      alert: loans,
      note: loans ? `LiquidationLoan ${formatUsd(totals.liquidationLoanUsd)} · PM Pro ${formatUsd(totals.pmBankruptcyLoanUsd)}` : 'None to repay',
    },
  ];
  return (
    <section aria-label="Master totals" className="space-y-2">
      <div className="grid grid-cols-1 items-start gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {tiles.map((t) => (
          <div key={t.label} className={`rounded-xl border bg-white p-4 shadow-sm dark:bg-slate-900 ${t.alert ? 'border-red-300 dark:border-red-900' : 'border-slate-200 dark:border-slate-800'}`}>
            <Link href={t.href} className="text-xs font-medium uppercase tracking-wide text-slate-500 hover:underline dark:text-slate-400">{t.label}</Link>
            <p className={`mt-1 text-lg font-semibold sm:text-xl xl:text-lg 2xl:text-xl ${t.alert ? 'text-red-700 dark:text-red-400' : ''}`}>
              <Figure>
                {t.value.replace(/ USD$/, '')} <span className="text-sm font-medium">USD</span>
              </Figure>
            </p>
            {t.note && <p className={`mt-1 text-xs ${t.alert ? 'text-red-700 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}>{t.warn && <WarnIcon />}{t.note}</p>}
            {t.href === '#who-owes' && data.owing.length > 0 && (
              <ul id="who-owes" aria-label="Who owes" className="mt-2 space-y-1 border-t border-slate-200 pt-2 text-xs dark:border-slate-700">
                {data.owing.map((o) => (
                  <li key={o.email} className="flex flex-wrap justify-between gap-x-3">
                    <Link href={accountPath(o.email)} className="min-w-0 font-medium wrap-anywhere hover:underline"><AccountName email={o.email} /></Link>
                    <Figure className="ml-auto">{o.unpriced ? '≥ ' : ''}{formatUsd(o.valueUsd, 2)}</Figure>
                    <span className="w-full text-slate-500 dark:text-slate-400">
                      {o.loans.map((l) => `${l.kind === 'LIQUIDATION_LOAN' ? 'LiquidationLoan' : 'PM Pro bankruptcy loan'} ${formatAssetAmount(l.remaining, l.asset)}`).join(' · ')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="data-time">
        {countOf(data.accountCount, 'sub-account')} · {live && 'assets, liabilities and equity live from the exchange’s streams; other figures: '}data as of{' '}
        {formatDateTime(data.takenAt)}{' '}
        <span suppressHydrationWarning>({formatAge(data.takenAt)} ago)</span>
        {data.oldestDataAt !== data.takenAt && <> · some accounts carry older data, from {formatDateTime(data.oldestDataAt)}</>}
      </p>
    </section>
  );
}
