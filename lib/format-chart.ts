import { formatShock } from './format';

/** How far prices must move, without a sign: 0.1655 → "16.6 %". */
export function formatMove(distance: number): string {
  return formatShock(Math.abs(distance)).replace('+', '');
}

/** A shock crossing in words: "a 16.6 % rise", "a 1.5 % fall". */
export function formatCrossing(shock: number, direction: 'DOWN' | 'UP'): string {
  return `a ${formatMove(shock)} ${direction === 'DOWN' ? 'fall' : 'rise'}`;
}

/** Axis ticks every 10 % between the grid's ends, e.g. −60 % … +60 %. */
export function shockTicks([min, max]: [number, number], step = 0.1): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9); t <= Math.floor(max / step + 1e-9); t++) ticks.push(Math.round(t * step * 1e9) / 1e9);
  return ticks;
}
