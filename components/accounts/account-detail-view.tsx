'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { Figure as FigureText } from '@/components/ui/figure';
import { ErrorState, TableSkeleton } from '@/components/ui/states';
import { apiFetch } from '@/lib/api-client';
import { formatAge, formatDateTime, formatRatio, formatShock, formatUsd } from '@/lib/format';
import { formatLiquidation } from '@/lib/format-table';
import { projectedOutcome } from '@/lib/risk';
import { MODE_LABEL } from '@/lib/risk-labels';
import { BindingBadge, StaleBadge, StatusBadge } from './badges';
import { BalancesTable, IsolatedPairsTable, SpecialKeyHistory } from './detail-tables';
import { MarginHistoryChart } from './margin-history-chart';
import { ReviewChanges } from '@/components/review/review-changes';
import { Notes } from './notes';
import { PmProPanel } from './pm-pro-panel';
import { StressCurveChart } from './stress-curve-chart';
import { accountApiPath, accountQueryKey, shockSearch, type AccountDetail, type ShockPair } from '@/lib/contracts/accounts';
import { useNow } from './use-now';

function Figure({ label, children, danger }: { label: string; children: ReactNode; danger?: boolean }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={`mt-0.5 text-base font-semibold sm:text-lg ${danger ? 'text-red-700 dark:text-red-400' : ''}`}>
        <FigureText>{children}</FigureText>
      </dd>
    </div>
  );
}

function owedText(d: AccountDetail, at: AccountDetail['row']['atA']): string {
  if (!at) return '—';
  const p = projectedOutcome(d.row.bound, at);
  return p.kind === 'owed' ? `⚠ ${formatUsd(p.usd)}` : p.kind === 'could_be_owed' ? `? up to ${formatUsd(p.usd)}` : formatUsd(0);
}

/** One sub-account; `shocks` are the two the accounts list was set to, so both pages show the same projections. */
export function AccountDetailView({ email, shocks, canWrite }: { email: string; shocks: ShockPair; canWrite: boolean }) {
  const query = useQuery({
    queryKey: accountQueryKey(email, shocks),
    queryFn: () => apiFetch<AccountDetail>(accountApiPath(email, shocks)),
    refetchInterval: 60_000,
  });
  const now = useNow(query.data?.refresh.finishedAt ?? null);
  if (query.isPending) return <TableSkeleton rows={8} />;
  if (query.isError) return <ErrorState title="Could not load this account" message={query.error.message} onRetry={() => query.refetch()} />;
  const d = query.data;
  const r = d.row;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Link href={`/accounts${shockSearch(shocks)}`} className="text-slate-600 hover:underline dark:text-slate-400">← All accounts</Link>
        <span className="text-slate-400">·</span>
        <span>{MODE_LABEL[r.mode] ?? r.mode}</span>
        <StatusBadge status={r.status} source={r.statusSource} />
        {r.statusSource && <span className="text-xs text-slate-500" data-testid="status-source">from {r.statusSource}</span>}
        {r.stale && <StaleBadge error={r.error} />}
        <span className="num text-slate-500">data {formatAge(r.dataAt, now)} old ({formatDateTime(r.dataAt)})</span>
      </div>
      {r.stale && (d.neverRead || r.error) && (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          {d.neverRead
            ? `⏱ This account has never been read successfully${r.error ? ` (${r.error})` : ''}: there is no data for it yet, and nothing here is zero.`
            : `⏱ The last refresh could not read this account (${r.error}); these figures are the last good data, from ${formatDateTime(r.dataAt)}.`}
        </p>
      )}
      {d.unpriced.length > 0 && (
        <p role="alert" data-testid="unpriced" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          ? Incomplete data: no price for {d.unpriced.map((u) => `${u.asset} (held ${u.held}, owed ${u.owed})`).join(', ')}. These are left out of every total below, which are
          lower bounds (≥); the stress figures leave them out too. The status is Binance’s where it reports one.
        </p>
      )}

      <Card title="The rule that applies">
        <div className="flex flex-wrap items-start gap-4">
          <BindingBadge bound={r.bound} rule={r.rule} full />
          <p className="min-w-[min(16rem,100%)] flex-1 text-sm" data-testid="rule-reason">{r.reason}</p>
        </div>
        {d.evidence.length > 0 && (
          <ul className="mt-3 list-disc space-y-0.5 pl-5 text-xs text-slate-600 dark:text-slate-400" aria-label="Evidence for the binding verdict" data-testid="binding-evidence">
            {d.evidence.map((e) => <li key={e}>{e}</li>)}
          </ul>
        )}
      </Card>

      <Card>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-4">
          <Figure label={r.level.kind === 'uniMMR' ? 'uniMMR' : 'Margin level'}>{formatRatio(r.level.value, r.status === 'NO_DEBT' ? undefined : '—')}
            {r.reported && (
              <span className={`block text-xs ${r.reported.diverges ? 'font-semibold text-amber-800 dark:text-amber-300' : 'font-normal text-slate-500'}`} data-testid="reported-level">
                {r.reported.diverges ? '⚠ our estimate differs from Binance’s: ' : ''}Binance {formatRatio(r.reported.level)} (decides the status)
              </span>
            )}
          </Figure>
          <Figure label="Bars (call / liquidation)">{r.bars ? `${Number(r.bars.marginCall)} / ${Number(r.bars.liquidation)}` : 'not read'}</Figure>
          <Figure label="Liquidates at" danger={r.liquidationDistance === 0}>{formatLiquidation(r.liquidation)}</Figure>
          <Figure label="Bankruptcy at">{formatLiquidation(d.shocks.bankruptcy)}</Figure>
          <Figure label={`Owed at ${formatShock(shocks.a)}`} danger={(r.atA?.owed ?? 0) > 0}>{owedText(d, r.atA)}</Figure>
          <Figure label={`Owed at ${formatShock(shocks.b)}`} danger={(r.atB?.owed ?? 0) > 0}>{owedText(d, r.atB)}</Figure>
          <Figure label="Outstanding loan" danger={Number(r.outstandingLoanUsd) > 0}>{Number(r.outstandingLoanUsd) > 0 ? `⚠ ${formatUsd(r.outstandingLoanUsd)}` : formatUsd(0)}</Figure>
        </dl>
        <p className="num mt-4 text-xs text-slate-500">
          Assets {d.unpriced.length ? '≥ ' : ''}{formatUsd(d.totals.assetsUsd)} · liabilities {d.unpriced.length ? '≥ ' : ''}{formatUsd(d.totals.liabilitiesUsd)} · equity {d.unpriced.length ? '? ' : ''}{formatUsd(d.totals.equityUsd)} · keys {r.keys.total ?? '?'}/30, {r.keys.special ?? '?'} special
          {d.outstandingLoans.map((l) => ` · ${l.kind === 'LIQUIDATION_LOAN' ? 'LiquidationLoan' : 'PM bankruptcy loan'} ${l.remaining} ${l.asset}`)}
        </p>
      </Card>

      <div className="grid grid-cols-1 gap-5 xl:grid-cols-2">
        <Card title="Stress curve (estimate)">
          <StressCurveChart curve={d.curve} shocks={d.shocks} liquidationBar={r.bars?.liquidation ?? null} />
          <p className="mt-2 text-xs text-slate-500">
            {d.consequence === 'LOAN_OWED' ? 'Bound: the deficit is owed as a loan.' : d.consequence === 'COLLATERAL_LOST' ? 'Not bound: a deficit costs the collateral, nothing more is owed.' : 'Binding unknown: the deficit could be owed.'}
          </p>
        </Card>
        <Card title="Margin level history">
          <MarginHistoryChart history={d.history} bars={r.level.kind === 'ML' ? r.bars : null} pmPro={r.level.kind === 'uniMMR'} />
        </Card>
      </div>

      {d.pmPro && (
        <Card title="Portfolio Margin Pro">
          <PmProPanel pm={d.pmPro} />
        </Card>
      )}
      <Card title="Balances">
        <BalancesTable balances={d.balances} />
      </Card>
      {d.isolatedPairs.length > 0 && (
        <Card title="Isolated pairs">
          <IsolatedPairsTable pairs={d.isolatedPairs} />
        </Card>
      )}
      <Card title="Special keys and exit">
        <SpecialKeyHistory keys={d.specialKeys} exits={d.exits} dataAvailable={d.dataAvailable} />
      </Card>
      <Card title="Since the last review">
        <ReviewChanges notes={d.notes} row={r} now={now} />
      </Card>
      <Card title="Review notes">
        <Notes email={email} notes={d.notes} canWrite={canWrite} />
      </Card>
    </div>
  );
}
