'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime, formatRatio } from '@/lib/format';
import type { AccountDetail } from '@/lib/contracts/accounts';

const AXIS = { fontSize: 11, fill: '#94a3b8' };
const shortTime = new Intl.DateTimeFormat('en-GB', { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** Margin level per refresh, with the account's margin-call and liquidation bars as lines. */
export function MarginHistoryChart({ history, bars, pmPro, incomplete = false }: { history: AccountDetail['history']; bars: AccountDetail['row']['bars']; pmPro: boolean; incomplete?: boolean }) {
  const data = history.filter((h) => h.marginLevel !== null).map((h) => ({ t: new Date(h.takenAt).getTime(), level: Number(h.marginLevel), stale: h.stale }));
  if (data.length === 0) {
    // PM Pro is judged by uniMMR and has no cross margin level at all: never read that as "no debt".
    // An unpriced asset leaves our level unknown: that is not "no borrowing" (docs/domain.md#status).
    const why = pmPro
      ? 'Portfolio Margin Pro is judged by uniMMR (above), not a cross margin level.'
      : incomplete
        ? 'our level is unknown while an asset has no price (Binance’s own level is shown above).'
        : 'no refresh found borrowing on the cross wallet (or it has none).';
    return <p className="py-10 text-center text-sm text-slate-500">No margin level in the refresh history: {why}</p>;
  }
  const levels = [...data.map((d) => d.level), ...(bars ? [Number(bars.liquidation), Number(bars.marginCall)] : [])];
  const domain = [Math.max(0, Math.min(...levels) * 0.9), Math.max(...levels) * 1.1];
  return (
    <figure aria-label="Margin level history">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#94a3b8" strokeOpacity={0.2} />
          <XAxis dataKey="t" type="number" scale="time" domain={data.length > 1 ? ['dataMin', 'dataMax'] : ['dataMin - 3600000', 'dataMax + 3600000']} tickFormatter={(t) => shortTime.format(t)} tick={AXIS} />
          <YAxis domain={domain} tickFormatter={(v: number) => v.toFixed(2)} tick={AXIS} width={48} />
          <Tooltip labelFormatter={(t) => formatDateTime(new Date(Number(t)))} formatter={(v) => [formatRatio(String(v)), 'Margin level']} contentStyle={{ fontSize: 12, background: 'rgba(15,23,42,0.92)', border: 'none', color: '#e2e8f0' }} />
          {bars && <ReferenceLine y={Number(bars.marginCall)} stroke="#f59e0b" strokeDasharray="4 3" label={{ value: `Margin call ${Number(bars.marginCall)}`, position: 'insideBottomRight', fontSize: 11, fill: '#f59e0b' }} />}
          {bars && <ReferenceLine y={Number(bars.liquidation)} stroke="#ef4444" strokeDasharray="4 3" label={{ value: `Liquidation ${Number(bars.liquidation)}`, position: 'insideBottomRight', fontSize: 11, fill: '#ef4444' }} />}
          <Line dataKey="level" name="Margin level" stroke="#0ea5e9" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
