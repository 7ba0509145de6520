'use client';

import { Area, CartesianGrid, ComposedChart, Line, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatShock, formatUsdCompact } from '@/lib/format';
import { shockTicks } from '@/lib/format-chart';
import type { OverviewData } from '@/lib/contracts/overview';
import { DeficitTooltip } from './deficit-tooltip';
import { seriesColor } from './palette';

type Curve = OverviewData['curve'];

/**
 * Projected LiquidationLoan against a uniform price shock (docs/domain.md#exposure): the largest contributors
 * stacked, the unknown-binding deficit as a dashed line, and each named account's liquidation (○) and
 * bankruptcy (✕) points on the curve.
 */
export function DeficitCurveChart({ curve, highlight }: { curve: Curve; highlight: number[] }) {
  const data = curve.rows.map((r) => ({ shock: r.shock, owed: r.owed, unknownBinding: r.unknownBinding, ...r.stack }));
  const colorOf = new Map(curve.series.map((s, i) => [s.email, seriesColor(i, s.key)]));
  return (
    <div className="h-80 w-full text-slate-500 dark:text-slate-400" role="img" aria-label="Deficit curve: projected LiquidationLoan by price shock">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 900, height: 320 }}>
        <ComposedChart data={data} margin={{ top: 20, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
          <XAxis dataKey="shock" type="number" domain={curve.range} ticks={shockTicks(curve.range)} tickFormatter={formatShock} stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 12 }} />
          <YAxis tickFormatter={formatUsdCompact} width={84} stroke="currentColor" tick={{ fill: 'currentColor', fontSize: 12 }} />
          <Tooltip content={<DeficitTooltip series={curve.series} />} />
          {curve.series.map((s, i) => (
            <Area key={s.key} dataKey={s.key} name={s.label} stackId="owed" type="linear" stroke={seriesColor(i, s.key)} fill={seriesColor(i, s.key)} fillOpacity={0.35} isAnimationActive={false} />
          ))}
          <Line dataKey="unknownBinding" name="Binding unknown" type="linear" stroke="currentColor" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
          <ReferenceLine x={0} stroke="currentColor" strokeOpacity={0.7} label={{ value: 'today', position: 'top', fill: 'currentColor', fontSize: 11 }} />
          {highlight.map((s) => (
            <ReferenceLine key={s} x={s} stroke="#dc2626" strokeDasharray="4 3" label={{ value: formatShock(s), position: 'top', fill: '#dc2626', fontSize: 11 }} />
          ))}
          {curve.markers.map((m) => (
            <ReferenceDot
              key={`${m.email}-${m.kind}`}
              x={m.crossing.shock}
              y={m.owedAt}
              ifOverflow="extendDomain"
              shape={(p) => <Marker cx={Number(p.cx)} cy={Number(p.cy)} kind={m.kind} color={colorOf.get(m.email) ?? '#64748b'} />}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function Marker({ cx, cy, kind, color }: { cx: number; cy: number; kind: 'liquidation' | 'bankruptcy'; color: string }) {
  if (kind === 'liquidation') return <circle cx={cx} cy={cy} r={5} className="fill-white dark:fill-slate-900" stroke={color} strokeWidth={2.5} />;
  return (
    <g stroke={color} strokeWidth={3} strokeLinecap="round">
      <line x1={cx - 5} y1={cy - 5} x2={cx + 5} y2={cy + 5} />
      <line x1={cx - 5} y1={cy + 5} x2={cx + 5} y2={cy - 5} />
    </g>
  );
}
