'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatRatio } from '@/lib/format';
import { hasLevels, historySeries } from '@/lib/charts/history-series';
import type { AccountDetail } from '@/lib/contracts/accounts';

const AXIS = { fontSize: 11, fill: '#94a3b8' };
const shortTime = new Intl.DateTimeFormat('en-GB', { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/**
 * Margin level per refresh (uniMMR for Portfolio Margin Pro) against the account's bars or tiers. Holes in
 * the history (missed or stale refreshes) break the line rather than join across them.
 */
export function MarginHistoryChart({ history, bars, pmPro, incomplete = false }: { history: AccountDetail['history']; bars: AccountDetail['row']['bars']; pmPro: boolean; incomplete?: boolean }) {
  const data = historySeries(history, pmPro);
  const name = pmPro ? 'uniMMR' : 'Margin level';
  if (!hasLevels(data)) {
    // An unpriced asset leaves our level unknown: that is not "no borrowing" (docs/domain.md#status).
    const why = pmPro
      ? 'no refresh found a maintenance margin, so uniMMR is not defined (nothing borrowed, or no position).'
      : incomplete
        ? 'our level is unknown while an asset has no price (Binance’s own level is shown above).'
        : 'no refresh found borrowing on the cross wallet, so there is no margin level to chart (a debt-free account cannot be liquidated).';
    return <p className="py-10 text-center text-sm text-slate-500" data-testid="history-nothing">No {name} in the refresh history: {why}</p>;
  }
  const values = data.flatMap((d) => (d.level === null ? [] : [d.level]));
  if (values.length === 1) {
    const only = data.find((d) => d.level !== null)!;
    return (
      <p className="py-10 text-center text-sm text-slate-500" data-testid="history-one">
        One refresh so far: {name} {formatRatio(String(only.level))} at {formatDateTime(new Date(only.t))}. The line starts with the next refresh.
      </p>
    );
  }
  const levels = [...values, ...(bars ? [Number(bars.liquidation), Number(bars.marginCall)] : [])];
  const domain = [Math.max(0, Math.min(...levels) * 0.9), Math.max(...levels) * 1.1];
  const gaps = data.some((d) => d.level === null);
  return (
    <figure aria-label={`${name} history`}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#94a3b8" strokeOpacity={0.2} />
          <XAxis dataKey="t" type="number" scale="time" domain={data.length > 1 ? ['dataMin', 'dataMax'] : ['dataMin - 3600000', 'dataMax + 3600000']} tickFormatter={(t) => shortTime.format(t)} tick={AXIS} />
          <YAxis domain={domain} tickFormatter={(v: number) => v.toFixed(2)} tick={AXIS} width={48} />
          <Tooltip labelFormatter={(t) => formatDateTime(new Date(Number(t)))} formatter={(v) => [formatRatio(String(v)), name]} contentStyle={{ fontSize: 12, background: 'rgba(15,23,42,0.92)', border: 'none', color: '#e2e8f0' }} />
          {bars && <ReferenceLine y={Number(bars.marginCall)} stroke="#f59e0b" strokeDasharray="4 3" label={{ value: `${pmPro ? 'Reduce-only' : 'Margin call'} ${Number(bars.marginCall)}`, position: 'insideBottomRight', fontSize: 11, fill: '#f59e0b' }} />}
          {bars && <ReferenceLine y={Number(bars.liquidation)} stroke="#ef4444" strokeDasharray="4 3" label={{ value: `Liquidation ${Number(bars.liquidation)}`, position: 'insideBottomRight', fontSize: 11, fill: '#ef4444' }} />}
          <Line dataKey="level" name={name} stroke="#0ea5e9" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      {gaps && <figcaption className="mt-1 text-xs text-slate-500 dark:text-slate-400">Breaks in the line: refreshes that did not run, or could not read this account.</figcaption>}
    </figure>
  );
}
