import type { DeficitPoint, ShockPoints } from '@/lib/risk';

export type StressMark = { x: number; kind: 'liquidation' | 'bankruptcy' };

/**
 * What the stress chart shows: the shock range widened to take in the liquidation and bankruptcy points
 * (they are exact crossings, found even beyond the curve's grid: a liquidation at −64 % must not fall off a
 * ±60 % chart), rounded out to 10 % steps and never past −100 % (prices cannot fall further); and whether
 * there is anything to draw at all: with no deficit anywhere on the curve, a flat line at zero says less than
 * a sentence does.
 */
export function stressView(curve: readonly DeficitPoint[], shocks: ShockPoints) {
  const marks: StressMark[] = [];
  if (shocks.liquidation) marks.push({ x: shocks.liquidation.shock, kind: 'liquidation' });
  if (shocks.bankruptcy) marks.push({ x: shocks.bankruptcy.shock, kind: 'bankruptcy' });
  const xs = [...curve.map((p) => p.shock), ...marks.map((m) => m.x)];
  const lo = Math.max(-1, Math.floor(Math.min(0, ...xs) * 10 + 1e-9) / 10);
  const hi = Math.ceil(Math.max(0, ...xs) * 10 - 1e-9) / 10;
  const step = hi - lo > 0.8 ? 0.2 : 0.1;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9; t += step) ticks.push(Math.round(t * 100) / 100);
  const gridMin = Math.min(...curve.map((p) => p.shock));
  const gridMax = Math.max(...curve.map((p) => p.shock));
  return {
    marks,
    domain: [lo, hi] as [number, number],
    ticks,
    /** The curve's own range, for the caption when a mark lies beyond it. */
    grid: { min: gridMin, max: gridMax },
    beyondGrid: marks.some((m) => m.x < gridMin || m.x > gridMax),
    anyDeficit: curve.some((p) => p.deficit > 0),
  };
}
