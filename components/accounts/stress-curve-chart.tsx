'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatShock, formatUsd, formatUsdCompact } from '@/lib/format';
import type { DeficitPoint, ShockPoints } from '@/lib/risk';
import { stressView, type StressMark } from '@/lib/charts/stress-range';

const AXIS = { fontSize: 11, fill: '#94a3b8' };
const COLOR = { liquidation: '#f59e0b', bankruptcy: '#ef4444' } as const;
// The legend's text in darker shades of the same colours: readable (4.5:1) on white and on slate-900.
const LEGEND_TEXT = { liquidation: 'text-amber-700 dark:text-amber-400', bankruptcy: 'text-red-700 dark:text-red-400' } as const;

function markLabel(m: StressMark, liquidationBar: string | null): string {
  return m.kind === 'liquidation'
    ? `L: liquidation${liquidationBar ? ` (level ${Number(liquidationBar)})` : ''} at ${formatShock(m.x)}`
    : `B: bankruptcy (equity 0) at ${formatShock(m.x)}`;
}

/** D(s) against the shock, the owed part where bound, and where liquidation and bankruptcy happen. */
export function StressCurveChart({ curve, shocks, liquidationBar }: { curve: DeficitPoint[]; shocks: ShockPoints; liquidationBar: string | null }) {
  const v = stressView(curve, shocks);
  const range = `${formatShock(v.grid.min)} to ${formatShock(v.grid.max)}`;
  // Where a deficit starts (the deficit onset, else bankruptcy), when that lies beyond the computed curve.
  const onset = [shocks.deficitOnset, shocks.bankruptcy].find((c) => c && (c.shock < v.grid.min || c.shock > v.grid.max)) ?? null;
  if (!v.anyDeficit) {
    // Nothing to plot: a flat line at 0 USD would only invite reading its axis. Say it instead.
    return (
      <div className="space-y-2 py-6 text-sm" data-testid="stress-nothing">
        <p className="font-medium text-emerald-800 dark:text-emerald-300">No deficit at any uniform price shock from {range}.</p>
        <p className="text-slate-600 dark:text-slate-400">
          {v.marks.length === 0
            ? 'No shock in that range liquidates this account: nothing would be owed, and no collateral lost to a deficit.'
            : `${v.marks.map((m) => markLabel(m, liquidationBar)).join('; ')}. ${
                onset
                  ? `A move past ${formatShock(onset.shock)} would leave a deficit: it lies beyond the curve, which is computed from ${range}.`
                  : 'Inside that range the collateral covers the debt even after a liquidation.'
              }`}
        </p>
      </div>
    );
  }
  return (
    <figure aria-label="Stress curve: projected deficit against a uniform price shock">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={curve} margin={{ top: 24, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#94a3b8" strokeOpacity={0.2} />
          <XAxis dataKey="shock" type="number" domain={v.domain} tickFormatter={formatShock} tick={AXIS} ticks={v.ticks} />
          <YAxis tickFormatter={formatUsdCompact} tick={AXIS} width={72} />
          <Tooltip
            formatter={(value, name) => [formatUsd(Number(value)), name]}
            labelFormatter={(s) => `Shock ${formatShock(Number(s))}`}
            contentStyle={{ fontSize: 12, background: 'rgba(15,23,42,0.92)', border: 'none', color: '#e2e8f0' }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine x={0} stroke="#94a3b8" />
          {v.marks.map((m) => (
            <ReferenceLine key={m.kind} x={m.x} stroke={COLOR[m.kind]} strokeDasharray="4 3" label={{ value: m.kind === 'liquidation' ? 'L' : 'B', position: 'top', fontSize: 11, fontWeight: 600, fill: COLOR[m.kind] }} />
          ))}
          <Line type="linear" dataKey="deficit" name="Deficit D(s)" stroke="#64748b" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="owed" name="Owed as a loan" stroke="#dc2626" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      {(v.marks.length > 0 || v.beyondGrid) && (
        <figcaption className="num mt-1 flex flex-wrap gap-x-4 text-xs text-slate-600 dark:text-slate-400">
          {v.marks.map((m) => (
            <span key={m.kind} className={LEGEND_TEXT[m.kind]}>┆ {markLabel(m, liquidationBar)}</span>
          ))}
          {v.beyondGrid && <span>The curve is computed from {range}; L and B are exact, wherever they fall.</span>}
        </figcaption>
      )}
    </figure>
  );
}
