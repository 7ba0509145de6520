import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatAge, formatRatio, formatShock } from '@/lib/format';
import { formatLiquidation, formatUsdPlain } from '@/lib/format-table';
import { KEY_RULES } from '@/lib/keys/config';
import { BOUND_NOTE, boundMark, isNearLiquidation, owedFigure, projectedOutcome, severity } from '@/lib/risk';
import { MODE_LABEL, RULE_LABEL, statusLabel } from '@/lib/risk-labels';
import { LiveMark } from '@/components/live/live-mark';
import { ReviewCell } from '@/components/review/review-cell';
import { AccountName } from '@/components/labels/account-name';
import type { ReviewView } from '@/lib/contracts/review';
import { BindingBadge, StaleBadge, StatusBadge } from './badges';
import { accountPath, type AccountRow } from '@/lib/contracts/accounts';
import { StatusIcon, WarnIcon } from '@/components/ui/icons';

/** One column: what the cell shows, how it sorts, and what the CSV says, kept side by side. */
interface Spec {
  id: string;
  header: string;
  width: string;
  align?: 'right';
  /** Riskiest first on the first click: low levels and near liquidations ascend, money descends. */
  descFirst: boolean;
  sort: (r: AccountRow) => number | string;
  cell: (r: AccountRow, now: Date) => ReactNode;
  csv: (r: AccountRow) => string | number | boolean | null;
}

const muted = 'text-slate-500 dark:text-slate-400';
// Sorting puts "not applicable" after every real value in either direction.
const NONE = Number.POSITIVE_INFINITY;

/** A projected figure: owed where bound (⚠), "could be owed" where binding is unknown (?), else nothing owed. */
function Projected({ r, at }: { r: AccountRow; at: AccountRow['atA'] }) {
  if (!at) return <span className={muted}>—</span>;
  const p = projectedOutcome(r.bound, at);
  // With an unpriced asset the figure is a bound, never an exact 0 (lib/risk/incomplete.ts).
  const mark = boundMark(r.deficitBound);
  const note = r.deficitBound ? ` (${BOUND_NOTE[r.deficitBound]})` : '';
  if (p.kind === 'owed')
    return (
      <span className="whitespace-nowrap font-semibold text-red-700 dark:text-red-400" title={`Owed as a loan if prices gap by this shock${note}`}>
        <WarnIcon />
        {mark}{formatUsdPlain(p.usd)}
      </span>
    );
  if (p.kind === 'could_be_owed')
    return (
      <span className="whitespace-nowrap text-amber-800 dark:text-amber-300" title={`Binding unknown: this deficit could be owed${note}`}>
        <span aria-hidden>? </span>
        {mark}{formatUsdPlain(p.usd)}
      </span>
    );
  if (p.kind === 'collateral_lost') return <span className={muted} title={`Deficit ${mark}${formatUsdPlain(p.usd)} USD: collateral lost, nothing owed`}>0 · coll. lost</span>;
  // Bound or unknown binding with an unpriced borrowing: a computed 0 is only "at least 0".
  if (r.bound !== false && (r.deficitBound === 'AT_LEAST' || r.deficitBound === 'UNKNOWN')) return <span className="text-amber-800 dark:text-amber-300" title={BOUND_NOTE[r.deficitBound]}>{mark}0</span>;
  return <span className={muted}>0</span>;
}

function Level({ r }: { r: AccountRow }) {
  if (r.level.value === null)
    return (
      <span className="flex flex-col items-end">
        <span className={muted}>{r.level.kind === 'ML' && r.status === 'NO_DEBT' ? 'no debt' : '—'}</span>
        {/* Ours is unknown (an unpriced asset): Binance's own level still decides the status. */}
        {r.reported && <span className="whitespace-nowrap text-xs" data-testid="reported-only">Binance {formatRatio(r.reported.level)}</span>}
        <IsolatedLine r={r} show="level" />
      </span>
    );
  const bar = (v: string) => String(Number(v));
  return (
    <span className="flex flex-col" title={r.bars ? `${r.level.kind === 'uniMMR' ? 'uniMMR; tiers' : 'Margin level; bars'}: margin call ${bar(r.bars.marginCall)}, liquidation ${bar(r.bars.liquidation)}` : undefined}>
      <span>{formatRatio(r.level.value)}</span>
      {r.reported?.diverges && (
        <span className="whitespace-nowrap text-xs font-semibold text-amber-800 dark:text-amber-300" title="Our estimate differs from Binance's by more than 0.5 %: Binance liquidates on its own figure, which decides the status.">
          <WarnIcon />Binance {formatRatio(r.reported.level)}
        </span>
      )}
      {/* "uniMMR" in full (it names the figure above); the line wraps at the dot in a narrow cell. */}
      <span className={`${muted} text-xs`}>
        {r.level.kind === 'uniMMR' ? 'uniMMR · ' : ''}
        <span className="whitespace-nowrap">{r.bars ? `liq ${bar(r.bars.liquidation)}` : 'bars not read'}</span>
      </span>
      <IsolatedLine r={r} show="level" />
    </span>
  );
}

/** The worst isolated pair under the cross figures: isolated pairs are judged on their own (docs/domain.md#exposure). */
function IsolatedLine({ r, show }: { r: AccountRow; show: 'level' | 'status' | 'liquidation' }) {
  const p = r.isolated;
  if (!p || p.status === 'NO_DEBT') return null;
  const near = isNearLiquidation(p.status, p.liquidationDistance);
  const title = `Isolated ${p.symbol}${p.pairs > 1 ? ` (worst of ${p.pairs} pairs)` : ''}: ${statusLabel(p.status).label}, margin level ${p.marginLevel === null ? '—' : formatRatio(p.marginLevel)}, liquidation bar ${p.bar === null ? 'not read' : String(Number(p.bar))}, ${formatLiquidation(p.liquidation)}`;
  // Short enough for the narrow cells: the pair's name once (status), "iso" beside its level; details in the title.
  const text =
    show === 'level' ? `iso ${p.marginLevel === null ? '—' : formatRatio(p.marginLevel)}`
    : show === 'status' ? p.symbol
    : formatLiquidation(p.liquidation); // under the cross figure; the title names the pair
  return (
    <span data-testid="isolated-line" title={title} className={`block max-w-full truncate text-xs ${near ? `text-amber-800 dark:text-amber-300 ${show === 'status' ? 'font-semibold' : ''}` : muted}`}>
      {/* The warning mark once per row, beside the pair's name: the figures' lines are too narrow to carry it too. */}
      {near && show === 'status' && <WarnIcon />}
      {text}
    </span>
  );
}

const nearestDistance = (r: AccountRow) => Math.min(r.liquidationDistance ?? NONE, r.isolated?.liquidationDistance ?? NONE);

const isolatedCsv = (r: AccountRow) => {
  const p = r.isolated;
  if (!p) return null;
  return `${p.symbol}: ${statusLabel(p.status).label}, margin level ${p.marginLevel ?? '—'}, bar ${p.bar ?? 'not read'}, liquidates at ${p.liquidation ? p.liquidation.shock : '—'}`;
};

const projectedCsv = (r: AccountRow, at: AccountRow['atA']) => {
  if (!at) return null;
  const figure = owedFigure(projectedOutcome(r.bound, at));
  // A bound is exported as one ("≥ 0", "≤ 50000"), never as a bare number that reads exact.
  return r.deficitBound && (figure > 0 || r.bound !== false) ? `${boundMark(r.deficitBound)}${figure}` : figure;
};

// Review states, riskiest first: never reviewed, then due, then covered (soonest due first).
const REVIEW_RANK = { never: 0, due: 1, ok: 2 } as const;
const CSV_ONLY = new Set(['label', 'mode', 'isolated', 'bindingReason', 'reviewedBy', 'reviewedAt', 'reviewDue']);

function reviewSpecs(reviews: Record<string, ReviewView> | undefined): Spec[] {
  const of = (r: AccountRow) => reviews?.[r.email];
  return [
    {
      id: 'review',
      header: 'Review',
      width: '9%',
      descFirst: false,
      sort: (r) => { const v = of(r); return v ? REVIEW_RANK[v.state] * 1e13 + (v.dueAt ? Date.parse(v.dueAt) : 0) : NONE; },
      cell: (r, now) => <ReviewCell review={of(r)} now={now} />,
      csv: (r) => of(r)?.state ?? null,
    },
    { id: 'reviewedBy', header: 'Reviewed by', width: '0', descFirst: false, sort: (r) => of(r)?.reviewedBy ?? '', cell: () => null, csv: (r) => of(r)?.reviewedBy ?? null },
    { id: 'reviewedAt', header: 'Reviewed at', width: '0', descFirst: false, sort: (r) => of(r)?.reviewedAt ?? '', cell: () => null, csv: (r) => of(r)?.reviewedAt ?? null },
    { id: 'reviewDue', header: 'Review due', width: '0', descFirst: false, sort: (r) => of(r)?.dueAt ?? '', cell: () => null, csv: (r) => { const v = of(r); return v ? (v.state === 'ok' ? v.dueAt : `now: ${v.reasons.join('; ')}`) : null; } },
  ];
}

function specs(shockA: number, shockB: number): Spec[] {
  return [
    {
      id: 'email',
      header: 'Account',
      width: '15%',
      descFirst: false, sort: (r) => r.email,
      cell: (r) => (
        <span className="flex min-w-0 flex-col">
          <Link href={accountPath(r.email, { a: shockA, b: shockB })} className="font-medium text-slate-900 wrap-anywhere hover:underline dark:text-slate-100" title={r.email}>
            <AccountName email={r.email} />
          </Link>
          <span className={`${muted} truncate text-xs`}>{MODE_LABEL[r.mode] ?? r.mode}</span>
        </span>
      ),
      csv: (r) => r.email,
    },
    { id: 'mode', header: 'Mode', width: '0', descFirst: false, sort: (r) => r.mode, cell: () => null, csv: (r) => MODE_LABEL[r.mode] ?? r.mode },
    { id: 'isolated', header: 'Worst isolated pair', width: '0', descFirst: false, sort: (r) => r.isolated?.liquidationDistance ?? NONE, cell: () => null, csv: isolatedCsv },
    // The verdict's own sentence, as the account page, Keys page and exit wizard show it (docs/domain.md#binding).
    { id: 'bindingReason', header: 'Binding reason', width: '0', descFirst: false, sort: (r) => r.reason, cell: () => null, csv: (r) => r.reason },
    {
      id: 'bound',
      header: 'LiquidationLoan',
      width: '12%',
      descFirst: false, sort: (r) => (r.bound === true ? 0 : r.bound === null ? 1 : 2),
      cell: (r) => <BindingBadge bound={r.bound} rule={r.rule} />,
      csv: (r) => RULE_LABEL[r.rule],
    },
    {
      id: 'status',
      header: 'Status',
      width: '10%',
      descFirst: false, sort: (r) => -severity(r.status),
      cell: (r) => (
        <span className="flex flex-col items-start gap-0.5">
          <StatusBadge status={r.status} source={r.statusSource} />
          <IsolatedLine r={r} show="status" />
          <LiveMark email={r.email} />
        </span>
      ),
      csv: (r) => `${statusLabel(r.status).label} (${r.statusSource})`,
    },
    {
      id: 'level',
      header: 'Level / bars',
      width: '8%',
      align: 'right',
      descFirst: false, sort: (r) => (r.level.value === null ? NONE : Number(r.level.value)),
      cell: (r) => <Level r={r} />,
      csv: (r) => r.level.value,
    },
    {
      id: 'liquidation',
      header: 'Liquidates at',
      width: '8%',
      align: 'right',
      // The nearer of the cross wallet and its worst isolated pair: either one liquidating is a liquidation.
      descFirst: false, sort: nearestDistance,
      cell: (r) => (
        <span className="flex flex-col items-end">
          {r.liquidationDistance === 0 ? (
            <span className="font-semibold text-red-700 dark:text-red-400"><StatusIcon symbol="✖" />past bar</span>
          ) : (
            <span className={`whitespace-nowrap ${r.liquidation ? '' : muted}`} title={r.liquidation ? `A uniform ${r.liquidation.direction === 'DOWN' ? 'fall' : 'rise'} of this size liquidates the account` : 'No uniform shock liquidates this account'}>
              {formatLiquidation(r.liquidation)}
            </span>
          )}
          <IsolatedLine r={r} show="liquidation" />
        </span>
      ),
      csv: (r) => (r.liquidation ? r.liquidation.shock : null),
    },
    {
      id: 'atA',
      header: `Owed at ${formatShock(shockA)} (USD)`,
      // 10 % of the table's 60rem minimum holds a seven-digit figure beside its warning icon on one line.
      width: '10%',
      align: 'right',
      descFirst: true,
      sort: (r) => projectedCsv(r, r.atA) ?? -1,
      cell: (r) => <Projected r={r} at={r.atA} />,
      csv: (r) => projectedCsv(r, r.atA),
    },
    {
      id: 'atB',
      header: `Owed at ${formatShock(shockB)} (USD)`,
      width: '10%',
      align: 'right',
      descFirst: true,
      sort: (r) => projectedCsv(r, r.atB) ?? -1,
      cell: (r) => <Projected r={r} at={r.atB} />,
      csv: (r) => projectedCsv(r, r.atB),
    },
    {
      id: 'loan',
      header: 'Loan out (USD)',
      width: '8%',
      align: 'right',
      descFirst: true,
      sort: (r) => Number(r.outstandingLoanUsd),
      cell: (r) =>
        Number(r.outstandingLoanUsd) > 0 ? (
          <span className="whitespace-nowrap font-semibold text-red-700 dark:text-red-400">
            <WarnIcon />
            {formatUsdPlain(r.outstandingLoanUsd)}
          </span>
        ) : (
          <span className={muted}>0</span>
        ),
      csv: (r) => r.outstandingLoanUsd,
    },
    {
      id: 'keys',
      header: 'Keys',
      width: '5%',
      align: 'right',
      descFirst: true,
      sort: (r) => r.keys.special ?? -1,
      cell: (r) => (
        <span className="flex flex-col" title={r.keys.special === null ? 'No key stored: special keys unknown' : undefined}>
          <span>{r.keys.total === null ? '?' : r.keys.total}/{KEY_RULES.keyLimit}</span>
          <span className={`${muted} text-xs`}>{r.keys.special === null ? '? spec.' : `${r.keys.special} spec.`}</span>
        </span>
      ),
      csv: (r) => `${r.keys.total ?? '?'}/${KEY_RULES.keyLimit}; special ${r.keys.special ?? 'unknown'}`,
    },
    {
      id: 'age',
      header: 'Data',
      width: '5%',
      align: 'right',
      descFirst: false, sort: (r) => (r.stale ? 0 : 1) * 1e13 + new Date(r.dataAt).getTime(),
      cell: (r, now) => (
        <span className="flex flex-col items-end gap-0.5">
          <span>{formatAge(r.dataAt, now)}</span>
          {r.stale && <StaleBadge error={r.error} />}
        </span>
      ),
      csv: (r) => `${r.dataAt}${r.stale ? ' (stale)' : ''}`,
    },
  ];
}

export interface ColumnLayout {
  width: string;
  align?: 'right';
}

export interface AccountColumns {
  columns: ColumnDef<AccountRow>[];
  specs: Spec[];
}

/** Accounts sort by desk label (labelled ones first), then email; the CSV gains the label beside the email. */
function withLabels(all: Spec[], labels: Record<string, string>): Spec[] {
  return all.flatMap((s) =>
    s.id !== 'email'
      ? [s]
      : [
          { ...s, sort: (r: AccountRow) => `${labels[r.email] ? `0${labels[r.email]!.toLowerCase()}` : '1'}\u0000${r.email}` },
          { id: 'label', header: 'Desk label', width: '0', descFirst: false, sort: (r: AccountRow) => labels[r.email] ?? '', cell: () => null, csv: (r: AccountRow) => labels[r.email] ?? null },
        ],
  );
}

/** The table's columns for the two chosen shocks. "Mode", the worst isolated pair and the binding reason are CSV-only columns: other cells show them. */
export function accountColumns(shockA: number, shockB: number, now: Date, reviews?: Record<string, ReviewView>, labels: Record<string, string> = {}): AccountColumns {
  const all = [...withLabels(specs(shockA, shockB), labels), ...reviewSpecs(reviews)];
  const columns: ColumnDef<AccountRow>[] = all
    .filter((s) => !CSV_ONLY.has(s.id))
    .map((s) => ({
      id: s.id,
      header: s.header,
      accessorFn: s.sort,
      sortingFn: 'basic',
      sortDescFirst: s.descFirst,
      cell: ({ row }) => s.cell(row.original, now),
      meta: { width: s.width, align: s.align } satisfies ColumnLayout,
    }));
  return { columns, specs: all };
}
