import { Dec } from './decimal';

/**
 * Exact decimals as a BigInt and a power-of-ten scale (value = int / 10^scale), for the engine's hot sums.
 * Exchange figures are plain decimal strings, so sums of their products are exact integer arithmetic:
 * no rounding at all, where decimal.js would allocate and normalize an object per operation (the one-time
 * precompute for 2,000 accounts × 50 assets went from 130–200 ms to a few ms; bench/risk.ts). Results leave
 * this module as decimal.js values, so everything downstream keeps one decimal library (docs/domain.md#exposure).
 */
export type Fixed = { int: bigint; scale: number };

export const FIXED_ZERO: Fixed = { int: 0n, scale: 0 };
export const FIXED_ONE: Fixed = { int: 1n, scale: 0 };

const POW10: bigint[] = [1n];
export function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[n]!;
}

const PLAIN = /^-?\d+(?:\.\d+)?$/;

/** A decimal string; anything but plain notation (e.g. "1e-8") goes through decimal.js, which also rejects garbage. */
export function parseFixed(value: string): Fixed {
  if (!PLAIN.test(value)) return parseFixed(new Dec(value).toFixed());
  const dot = value.indexOf('.');
  if (dot === -1) return { int: BigInt(value), scale: 0 };
  return { int: BigInt(value.slice(0, dot) + value.slice(dot + 1)), scale: value.length - dot - 1 };
}

export function fromDec(value: InstanceType<typeof Dec>): Fixed {
  return parseFixed(value.toFixed());
}

/** `a.int` at a scale ≥ a.scale. */
export function at(a: Fixed, scale: number): bigint {
  return a.scale === scale ? a.int : a.int * pow10(scale - a.scale);
}

export function add(a: Fixed, b: Fixed): Fixed {
  const scale = Math.max(a.scale, b.scale);
  return { int: at(a, scale) + at(b, scale), scale };
}

export function sub(a: Fixed, b: Fixed): Fixed {
  const scale = Math.max(a.scale, b.scale);
  return { int: at(a, scale) - at(b, scale), scale };
}

export function mul(a: Fixed, b: Fixed): Fixed {
  return { int: a.int * b.int, scale: a.scale + b.scale };
}

/** Plain notation, e.g. "-0.0012". */
export function fixedToString(f: Fixed): string {
  const negative = f.int < 0n;
  const digits = (negative ? -f.int : f.int).toString();
  const sign = negative ? '-' : '';
  if (f.scale <= 0) return `${sign}${digits}${'0'.repeat(-f.scale)}`;
  const padded = digits.padStart(f.scale + 1, '0');
  return `${sign}${padded.slice(0, -f.scale)}.${padded.slice(-f.scale)}`;
}

export function toDec(f: Fixed): InstanceType<typeof Dec> {
  return new Dec(fixedToString(f));
}

/** Round half to even of n / d (d > 0) to an integer: decimal.js's ROUND_HALF_EVEN on a quotient. */
function roundedQuotient(n: bigint, d: bigint): bigint {
  const q = n / d; // truncates toward zero
  const r2 = 2n * (n - q * d);
  const away = n < 0n ? -1n : 1n;
  const cmp = r2 * away - d; // |2r| − d
  if (cmp > 0n || (cmp === 0n && q % 2n !== 0n)) return q + away;
  return q;
}

/**
 * n / d rounded to `digits` significant digits, half to even: what the engine's decimal.js (precision 60,
 * ROUND_HALF_EVEN) returns for a division, so closed-form shocks stay bit-for-bit what they were.
 */
export function divide(n: bigint, d: bigint, digits: number): Fixed {
  if (d < 0n) return divide(-n, -d, digits);
  if (n === 0n) return FIXED_ZERO;
  const quotient = (s: number) => (s >= 0 ? roundedQuotient(n * pow10(s), d) : roundedQuotient(n, d * pow10(-s)));
  // The decimal exponent of n/d from float64 (off by one at most near a power of ten), then corrected exactly:
  // the quotient must have `digits` digits. A rounding carry to 10^digits is the same value one scale down.
  const ratio = Math.abs(Number(n) / Number(d));
  let scale = digits - (Number.isFinite(ratio) && ratio > 0 ? Math.floor(Math.log10(ratio)) + 1 : size(n) - size(d));
  let q = quotient(scale);
  const low = pow10(digits - 1);
  const high = pow10(digits);
  for (;;) {
    const abs = q < 0n ? -q : q;
    if (abs >= high) q = quotient(--scale);
    else if (abs < low) q = quotient(++scale);
    else return { int: q, scale };
  }
}

const size = (x: bigint) => (x < 0n ? -x : x).toString().length;

/** Rounds to `digits` significant digits, half to even (decimal.js's rounding of a sum or difference). */
export function roundTo(f: Fixed, digits: number): Fixed {
  const abs = f.int < 0n ? -f.int : f.int;
  if (abs < pow10(digits)) return f; // already short enough: the common case, no digit count needed
  const excess = size(abs) - digits;
  return excess > 0 ? { int: roundedQuotient(f.int, pow10(excess)), scale: f.scale - excess } : f;
}
