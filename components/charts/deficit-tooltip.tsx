import { formatShock, formatUsd } from '@/lib/format';
import type { CurveSeries } from '@/lib/contracts/overview';
import { seriesColor } from './palette';
import { WarnIcon } from '@/components/ui/icons';

type Payload = { payload?: Record<string, number> };

/** Tooltip of the deficit curve: the projected loan at the hovered shock, split by account. */
export function DeficitTooltip({ active, payload, series }: { active?: boolean; payload?: readonly Payload[]; series: CurveSeries[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const parts = series.map((s, i) => ({ s, i, v: row[s.key] ?? 0 })).filter((p) => p.v > 0);
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <p className="font-semibold">Prices {formatShock(row.shock ?? 0)}</p>
      <p className="num mt-1">
        {(row.owed ?? 0) > 0 && <WarnIcon />}Projected loan: <span className="font-semibold">{formatUsd(row.owed ?? 0)}</span>
      </p>
      {parts.length > 0 && (
        <ul className="mt-1 space-y-0.5">
          {parts.map(({ s, i, v }) => (
            <li key={s.key} className="num flex items-center justify-between gap-4">
              <span className="flex items-center gap-1.5">
                <span className="inline-block h-2 w-2 rounded-sm" style={{ background: seriesColor(i, s.key) }} />
                {s.label}
              </span>
              <span>{formatUsd(v)}</span>
            </li>
          ))}
        </ul>
      )}
      {(row.unknownBinding ?? 0) > 0 && (
        <p className="num mt-1 text-amber-800 dark:text-amber-300">? Binding unknown, could also be owed: {formatUsd(row.unknownBinding ?? 0)}</p>
      )}
    </div>
  );
}
