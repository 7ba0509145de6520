import { Decimal } from 'decimal.js';

/**
 * One decimal type for every amount the simulator holds or reports. Binance sends money as decimal
 * strings; summing them as JS floats would make totals disagree with the per-asset rows the app reads.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

export function dec(value: string | number | Decimal): Decimal {
  return new Dec(value);
}

/** Binance prints amounts with 8 decimals, truncated (never rounded up: a balance must not look larger). */
export function fmt8(value: Decimal): string {
  return value.toFixed(8, Decimal.ROUND_DOWN);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

export function max0(value: Decimal): Decimal {
  return value.lt(0) ? ZERO : value;
}
