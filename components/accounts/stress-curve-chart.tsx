'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatShock, formatUsd, formatUsdCompact } from '@/lib/format';
import type { DeficitPoint, ShockPoints } from '@/lib/risk';

const AXIS = { fontSize: 11, fill: '#94a3b8' };

/** D(s) against the shock, the owed part where bound, and where liquidation and bankruptcy happen. */
export function StressCurveChart({ curve, shocks, liquidationBar }: { curve: DeficitPoint[]; shocks: ShockPoints; liquidationBar: string | null }) {
  const marks = [
    shocks.liquidation && { x: shocks.liquidation.shock, short: 'L', label: `L: liquidation${liquidationBar ? ` (level ${Number(liquidationBar)})` : ''} at ${formatShock(shocks.liquidation.shock)}`, color: '#f59e0b' },
    shocks.bankruptcy && { x: shocks.bankruptcy.shock, short: 'B', label: `B: bankruptcy (equity 0) at ${formatShock(shocks.bankruptcy.shock)}`, color: '#ef4444' },
  ].filter((m): m is { x: number; short: string; label: string; color: string } => !!m && m.x >= -0.6 && m.x <= 0.6);
  return (
    <figure aria-label="Stress curve: projected deficit against a uniform price shock">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={curve} margin={{ top: 24, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#94a3b8" strokeOpacity={0.2} />
          <XAxis dataKey="shock" type="number" domain={['dataMin', 'dataMax']} tickFormatter={formatShock} tick={AXIS} ticks={[-0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6]} />
          <YAxis tickFormatter={formatUsdCompact} tick={AXIS} width={72} />
          <Tooltip
            formatter={(v, name) => [formatUsd(Number(v)), name]}
            labelFormatter={(s) => `Shock ${formatShock(Number(s))}`}
            contentStyle={{ fontSize: 12, background: 'rgba(15,23,42,0.92)', border: 'none', color: '#e2e8f0' }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine x={0} stroke="#94a3b8" />
          {marks.map((m) => (
            <ReferenceLine key={m.label} x={m.x} stroke={m.color} strokeDasharray="4 3" label={{ value: m.short, position: 'top', fontSize: 11, fontWeight: 600, fill: m.color }} />
          ))}
          <Line type="linear" dataKey="deficit" name="Deficit D(s)" stroke="#64748b" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="owed" name="Owed as a loan" stroke="#dc2626" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      {marks.length > 0 && (
        <figcaption className="num mt-1 flex flex-wrap gap-x-4 text-xs text-slate-600 dark:text-slate-400">
          {marks.map((m) => (
            <span key={m.label} style={{ color: m.color }}>┆ {m.label}</span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
