import { formatAxisTime, type AxisTimeUnit } from '@/lib/format';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
/** Tick steps a reader counts in: whole seconds, minutes, hours and days. */
const STEPS = [S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D, 14 * D, 30 * D, 60 * D, 120 * D, 365 * D];

export type TimeAxis = { ticks: number[]; unit: AxisTimeUnit; label: (ms: number) => string };

/**
 * The ticks of a time axis from `min` to `max` (ms) and their labels, so no two ticks read the same: a tick
 * every whole step (at most `maxTicks`), labelled to that step's resolution (UTC, like every time shown) —
 * seconds below a minute's step (a span of a few minutes), hours and minutes below a day, the day added when the
 * ticks cross midnight, the day alone for steps of days (and the year when they cross one).
 */
export function timeAxis(min: number, max: number, maxTicks = 6): TimeAxis {
  const span = Math.max(0, max - min);
  const step = STEPS.find((s) => Math.floor(max / s) - Math.ceil(min / s) + 1 <= maxTicks) ?? STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t);
  // A span shorter than one step (or a single point) still gets a labelled tick where the data is.
  if (ticks.length === 0) ticks.push(min);
  const first = ticks[0]!;
  const last = ticks.at(-1)!;
  const unit: AxisTimeUnit =
    step >= D ? (new Date(first).getUTCFullYear() !== new Date(last).getUTCFullYear() ? 'date' : 'day') : Math.floor(first / D) !== Math.floor(last / D) ? 'day-minute' : step < M || span < M ? 'second' : 'minute';
  return { ticks, unit, label: (ms) => formatAxisTime(ms, unit) };
}
