'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { Figure as FigureText } from '@/components/ui/figure';
import { ErrorState, TableSkeleton } from '@/components/ui/states';
import { apiFetch } from '@/lib/api-client';
import { formatAge, formatAssetAmount, formatDateTime, formatRatio, formatShock, formatUsd } from '@/lib/format';
import { formatLiquidation } from '@/lib/format-table';
import { BOUND_NOTE, boundMark, projectedOutcome } from '@/lib/risk';
import { MODE_LABEL } from '@/lib/risk-labels';
import { BindingVerdict } from './binding-verdict';
import { StaleBadge, StatusBadge } from './badges';
import { BalancesTable, IsolatedPairsTable, SpecialKeyHistory } from './detail-tables';
import { MarginHistoryChart } from './margin-history-chart';
import { ReviewChanges } from '@/components/review/review-changes';
import { Notes } from './notes';
import { PmProPanel } from './pm-pro-panel';
import { StressCurveChart } from './stress-curve-chart';
import { accountApiPath, accountQueryKey, shockSearch, type AccountDetail, type ShockPair } from '@/lib/contracts/accounts';
import { useNow } from './use-now';
import { ClockIcon, WarnIcon } from '@/components/ui/icons';

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

function owedText(d: AccountDetail, at: AccountDetail['row']['atA']): ReactNode {
  if (!at) return '—';
  const p = projectedOutcome(d.row.bound, at);
  // With an unpriced asset the figure is a bound (lib/risk/incomplete.ts): "≤", "≥" or "?", never a bare 0.
  const mark = boundMark(d.row.deficitBound);
  if (p.kind === 'owed') return <><WarnIcon />{mark}{formatUsd(p.usd)}</>;
  if (p.kind === 'could_be_owed') return `? up to ${mark}${formatUsd(p.usd)}`;
  return d.row.bound !== false ? `${mark}${formatUsd(0)}` : formatUsd(0);
}

/** The loans' USD sum; "≥" when one of them has no price, so a loan never reads as 0 (docs/domain.md#status). */
function loanText(d: AccountDetail): ReactNode {
  if (d.outstandingLoans.length === 0) return formatUsd(0);
  const unpriced = d.outstandingLoans.some((l) => l.valueUsd === null);
  return <><WarnIcon />{unpriced ? '≥ ' : ''}{formatUsd(d.row.outstandingLoanUsd)}</>;
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
          <ClockIcon />
          {d.neverRead
            ? `This account has never been read successfully${r.error ? ` (${r.error})` : ''}: there is no data for it yet, and nothing here is zero.`
            : `The last refresh could not read this account (${r.error}); these figures are the last good data, from ${formatDateTime(r.dataAt)}.`}
        </p>
      )}
      {d.unpriced.length > 0 && (
        <p role="alert" data-testid="unpriced" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          ? Incomplete data: no price for {d.unpriced.map((u) => `${u.asset} (held ${formatAssetAmount(u.held, '').trim()}, owed ${formatAssetAmount(u.owed, '').trim()})`).join(', ')}. These are left out of every total below, which are
          lower bounds (≥); the stress figures leave them out too. The status is Binance’s where it reports one.
        </p>
      )}

      <Card title="The rule that applies">
        <BindingVerdict binding={d.binding} account={email} />
      </Card>

      <Card>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-4">
          <Figure label={r.level.kind === 'uniMMR' ? 'uniMMR' : 'Margin level'}>{formatRatio(r.level.value, r.status === 'NO_DEBT' ? undefined : '—')}
            {r.reported && r.level.value === null && (
              <span className="block text-xs font-normal text-slate-500" data-testid="reported-level">
                ours unknown (an asset has no price) · Binance {formatRatio(r.reported.level)} (decides the status)
              </span>
            )}
            {r.reported && r.level.value !== null && (
              <span className={`block text-xs ${r.reported.diverges ? 'font-semibold text-amber-800 dark:text-amber-300' : 'font-normal text-slate-500'}`} data-testid="reported-level">
                {r.reported.diverges && <><WarnIcon />our estimate differs from Binance’s: </>}Binance {formatRatio(r.reported.level)} (decides the status)
              </span>
            )}
          </Figure>
          <Figure label="Bars (call / liquidation)">{r.bars ? `${Number(r.bars.marginCall)} / ${Number(r.bars.liquidation)}` : 'not read'}</Figure>
          <Figure label="Liquidates at" danger={r.liquidationDistance === 0}>{formatLiquidation(r.liquidation)}</Figure>
          <Figure label="Bankruptcy at">{formatLiquidation(d.shocks.bankruptcy)}</Figure>
          <Figure label={`Owed at ${formatShock(shocks.a)}`} danger={(r.atA?.owed ?? 0) > 0}>{owedText(d, r.atA)}</Figure>
          <Figure label={`Owed at ${formatShock(shocks.b)}`} danger={(r.atB?.owed ?? 0) > 0}>{owedText(d, r.atB)}</Figure>
          <Figure label="Outstanding loan" danger={d.outstandingLoans.length > 0}>{loanText(d)}</Figure>
        </dl>
        <p className="num mt-4 text-xs text-slate-500">
          Assets {d.unpriced.length ? '≥ ' : ''}{formatUsd(d.totals.assetsUsd)} · liabilities {d.unpriced.length ? '≥ ' : ''}{formatUsd(d.totals.liabilitiesUsd)} · equity {d.unpriced.length ? '? ' : ''}{formatUsd(d.totals.equityUsd)} · keys {r.keys.total ?? '?'}/30, {r.keys.special ?? '?'} special
          {d.outstandingLoans.map((l) => ` · ${l.kind === 'LIQUIDATION_LOAN' ? 'LiquidationLoan' : 'PM bankruptcy loan'} ${formatAssetAmount(l.remaining, l.asset)}`)}
        </p>
      </Card>

      <div className="grid grid-cols-1 gap-5 xl:grid-cols-2">
        <Card title="Stress curve (estimate)">
          <StressCurveChart curve={d.curve} shocks={d.shocks} liquidationBar={r.bars?.liquidation ?? null} />
          <p className="mt-2 text-xs text-slate-500">
            {d.consequence === 'LOAN_OWED' ? 'Bound: the deficit is owed as a loan.' : d.consequence === 'COLLATERAL_LOST' ? 'Not bound: a deficit costs the collateral, nothing more is owed.' : 'Binding unknown: the deficit could be owed.'}
          </p>
          {r.deficitBound && (
            <p className="mt-1 text-xs font-medium text-amber-800 dark:text-amber-300" data-testid="deficit-bound">
              ? Incomplete: the curve is {BOUND_NOTE[r.deficitBound]}. Liquidation and bankruptcy shocks are not known.
            </p>
          )}
        </Card>
        <Card title={r.level.kind === 'uniMMR' ? 'uniMMR history' : 'Margin level history'}>
          <MarginHistoryChart history={d.history} live={d.liveHistory} bars={r.bars} pmPro={r.level.kind === 'uniMMR'} incomplete={d.unpriced.length > 0} />
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
