import Decimal from 'decimal.js';

/**
 * The engine's own decimal.js constructor. Products of two 8-decimal exchange figures need 16 decimal
 * places plus the integer part, beyond decimal.js's default 20 significant digits, so sums would round;
 * 60 digits keeps them exact (docs/domain.md#exposure: money is summed exactly). A clone leaves the global
 * `Decimal` settings of other modules alone.
 */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

const ZERO_STRING = /^0+(\.0+)?$/;

/** Parses a decimal string; "0.00000000" (most balances) skips the parse, which dominates the precompute. */
export function dec(value: string): Dec {
  return ZERO_STRING.test(value) ? ZERO : new Dec(value);
}

/** Exact figure for storage: plain notation, never exponent form. */
export function toExact(value: Dec): string {
  return value.toFixed();
}
