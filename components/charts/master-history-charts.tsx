'use client';

import type { ReactNode } from 'react';
import { Area, AreaChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatShock, formatUsd, formatUsdCompact } from '@/lib/format';
import { owedKey, type MasterSeriesRow } from '@/lib/charts/master-history-series';
import { timeAxis } from '@/lib/charts/time-axis';
import { STATUS_LABEL, type AccountStatus } from '@/lib/risk';
import { SERIES_COLORS } from './palette';

const AXIS = { fontSize: 11, fill: '#94a3b8' };
const TOOLTIP = { fontSize: 12, background: 'rgba(15,23,42,0.92)', border: 'none', color: '#e2e8f0' };
// Status bands by tone, worst darkest: the band's name is in the legend and the tooltip, never the colour alone.
const STATUS_FILL: Record<AccountStatus, string> = {
  BANKRUPTED: '#7f1d1d', LOAN_OUTSTANDING: '#b91c1c', LIQUIDATING: '#dc2626', PRE_LIQUIDATION: '#f87171', REDUCE_ONLY: '#d97706',
  MARGIN_CALL: '#f59e0b', UNKNOWN: '#a855f7', INCOMPLETE: '#c084fc', NORMAL: '#10b981', NO_DEBT: '#94a3b8',
};

/** Ticks on whole time steps whose labels differ (lib/charts/time-axis.ts), across the rows' span. */
function timeTicks(rows: MasterSeriesRow[]) {
  const times = rows.map((r) => r.t);
  const axis = timeAxis(Math.min(...times), Math.max(...times));
  return { ticks: axis.ticks, tickFormatter: axis.label };
}

function TimeChart({ label, rows, children, height = 180 }: { label: string; rows: MasterSeriesRow[]; children: ReactNode; height?: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }} accessibilityLayer aria-label={label}>
        <CartesianGrid stroke="#94a3b8" strokeOpacity={0.2} />
        <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} {...timeTicks(rows)} tick={AXIS} minTickGap={24} />
        {/* The unit is in the chart's caption: a tick reads "4.5M", not a wrapped "4.5M / USD". */}
        <YAxis tickFormatter={(v: number) => formatUsdCompact(v).replace(/ USD$/, '')} tick={AXIS} width={44} />
        <Tooltip labelFormatter={(t) => formatDateTime(new Date(Number(t)))} formatter={(v, name) => [formatUsd(Number(v)), name]} contentStyle={TOOLTIP} />
        {children}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Projected owed (bound accounts) at each called-out shock, one line per shock. */
export function OwedHistoryChart({ rows, shocks }: { rows: MasterSeriesRow[]; shocks: number[] }) {
  return (
    <TimeChart label="Projected loan at each shock, per refresh" rows={rows}>
      {shocks.map((s, i) => (
        <Line key={s} dataKey={owedKey(i)} name={`at ${formatShock(s)}`} stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeWidth={2} strokeDasharray={s > 0 ? '5 3' : undefined} dot={false} connectNulls={false} isAnimationActive={false} />
      ))}
    </TimeChart>
  );
}

export function LoansHistoryChart({ rows }: { rows: MasterSeriesRow[] }) {
  return (
    <TimeChart label="Outstanding loans, per refresh" rows={rows}>
      <Line dataKey="loans" name="Outstanding loans" stroke="#dc2626" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
    </TimeChart>
  );
}

export function StatusHistoryChart({ rows, statuses }: { rows: MasterSeriesRow[]; statuses: AccountStatus[] }) {
  return (
    <ResponsiveContainer width="100%" height={180}>
      <AreaChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }} accessibilityLayer aria-label="Accounts by status, per refresh">
        <CartesianGrid stroke="#94a3b8" strokeOpacity={0.2} />
        <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} {...timeTicks(rows)} tick={AXIS} minTickGap={24} />
        <YAxis allowDecimals={false} tick={AXIS} width={32} />
        <Tooltip labelFormatter={(t) => formatDateTime(new Date(Number(t)))} contentStyle={TOOLTIP} />
        {[...statuses].reverse().map((s) => (
          <Area key={s} dataKey={s} name={STATUS_LABEL[s].label} stackId="status" stroke={STATUS_FILL[s]} fill={STATUS_FILL[s]} fillOpacity={0.75} connectNulls={false} isAnimationActive={false} type="stepAfter" />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}

export const statusFill = (s: AccountStatus) => STATUS_FILL[s];
export const shockColor = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length]!;
