'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { countOf, formatDateTime, formatRatio } from '@/lib/format';
import { timeAxis } from '@/lib/charts/time-axis';
import { hasLevels, historySeries, liveSeries } from '@/lib/charts/history-series';
import type { AccountDetail } from '@/lib/contracts/accounts';
import { LIVE_HISTORY_EVERY_MS } from '@/lib/live/history';

const AXIS = { fontSize: 11, fill: '#94a3b8' };

const LIVE_COLOR = '#a855f7';

/**
 * Margin level per refresh (uniMMR for Portfolio Margin Pro) against the account's bars or tiers, and the live
 * figures written between refreshes as a thinner stepped line of their own (docs/live.md#history). Holes in
 * the history (missed or stale refreshes, hours without live figures) break the lines rather than join across them.
 */
export function MarginHistoryChart({ history, live = [], bars, pmPro, incomplete = false }: { history: AccountDetail['history']; live?: AccountDetail['liveHistory']; bars: AccountDetail['row']['bars']; pmPro: boolean; incomplete?: boolean }) {
  const data = historySeries(history, pmPro);
  // A PM Pro account's live points carry its uniMMR (docs/live.md#history), like its refreshes.
  const liveData = liveSeries(live);
  const liveValues = liveData.flatMap((d) => (d.live === null ? [] : [d.live]));
  const name = pmPro ? 'uniMMR' : 'Margin level';
  if (!hasLevels(data) && liveValues.length === 0) {
    // An unpriced asset leaves our level unknown: that is not "no borrowing" (docs/domain.md#status).
    const why = pmPro
      ? 'no refresh found a maintenance margin, so uniMMR is not defined (nothing borrowed, or no position).'
      : incomplete
        ? 'our level is unknown while an asset has no price (Binance’s own level is shown above).'
        : 'no refresh found borrowing on the cross wallet, so there is no margin level to chart (a debt-free account cannot be liquidated).';
    return <p className="py-10 text-center text-sm text-slate-500" data-testid="history-nothing">No {name} in the refresh history: {why}</p>;
  }
  const values = data.flatMap((d) => (d.level === null ? [] : [d.level]));
  if (values.length === 1 && liveValues.length === 0) {
    const only = data.find((d) => d.level !== null)!;
    return (
      <p className="py-10 text-center text-sm text-slate-500" data-testid="history-one">
        One refresh so far: {name} {formatRatio(String(only.level))} at {formatDateTime(new Date(only.t))}. The line starts with the next refresh.
      </p>
    );
  }
  const levels = [...values, ...liveValues, ...(bars ? [Number(bars.liquidation), Number(bars.marginCall)] : [])];
  const domain = [Math.max(0, Math.min(...levels) * 0.9), Math.max(...levels) * 1.1];
  const gaps = data.some((d) => d.level === null);
  const span = [...data, ...liveData].map((d) => d.t);
  // One instant alone gets an hour either side; live points minutes apart get ticks that read apart.
  const [from, to] = span.length > 1 ? [Math.min(...span), Math.max(...span)] : [span[0]! - 3_600_000, span[0]! + 3_600_000];
  const axis = timeAxis(from, to);
  return (
    <figure aria-label={`${name} history`}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#94a3b8" strokeOpacity={0.2} />
          <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} ticks={axis.ticks} tickFormatter={axis.label} tick={AXIS} />
          <YAxis domain={domain} tickFormatter={(v: number) => v.toFixed(2)} tick={AXIS} width={48} />
          <Tooltip labelFormatter={(t) => formatDateTime(new Date(Number(t)))} formatter={(v, key) => [formatRatio(String(v)), key === 'live' ? `${name}, live` : `${name}, refresh`]} contentStyle={{ fontSize: 12, background: 'rgba(15,23,42,0.92)', border: 'none', color: '#e2e8f0' }} />
          {bars && <ReferenceLine y={Number(bars.marginCall)} stroke="#f59e0b" strokeDasharray="4 3" label={{ value: `${pmPro ? 'Reduce-only' : 'Margin call'} ${Number(bars.marginCall)}`, position: 'insideBottomRight', fontSize: 11, fill: '#f59e0b' }} />}
          {bars && <ReferenceLine y={Number(bars.liquidation)} stroke="#ef4444" strokeDasharray="4 3" label={{ value: `Liquidation ${Number(bars.liquidation)}`, position: 'insideBottomRight', fontSize: 11, fill: '#ef4444' }} />}
          <Line data={data} dataKey="level" name={name} stroke="#0ea5e9" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          {liveValues.length > 0 && <Line data={liveData} dataKey="live" name={`${name}, live`} type="stepAfter" stroke={LIVE_COLOR} strokeWidth={1.25} dot={false} connectNulls={false} isAnimationActive={false} />}
        </LineChart>
      </ResponsiveContainer>
      {liveValues.length > 0 && (
        <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500 dark:text-slate-400" data-testid="history-legend">
          <span><span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-full bg-sky-500 align-middle" />Refreshes (the record)</span>
          <span data-testid="history-live"><span aria-hidden className="mr-1 inline-block h-0.5 w-3 align-middle" style={{ background: LIVE_COLOR }} />Live between refreshes ({countOf(liveValues.length, 'point')}, at most one every {LIVE_HISTORY_EVERY_MS / 1000} s)</span>
        </figcaption>
      )}
      {gaps && <figcaption className="mt-1 text-xs text-slate-500 dark:text-slate-400">Breaks in the line: refreshes that did not run, or could not read this account.</figcaption>}
    </figure>
  );
}
