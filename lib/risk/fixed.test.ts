import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal';
import { add, divide, fixedToString, mul, parseFixed, roundTo, sub, toDec } from './fixed';

const decimalString = fc
  .tuple(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.integer({ min: 0, max: 12 }))
  .map(([int, scale]) => fixedToString({ int, scale }));

describe('fixed-point decimals', () => {
  it.each([
    ['0', '0'],
    ['0.00000000', '0.00000000'],
    ['12.5', '12.5'],
    ['-0.0012', '-0.0012'],
    ['97000', '97000'],
    ['1e-8', '0.00000001'], // exponent form goes through decimal.js
  ])('parses %s as %s', (input, plain) => {
    expect(fixedToString(parseFixed(input))).toBe(plain);
  });

  it('rejects what is not a number, as decimal.js does', () => {
    expect(() => parseFixed('12,5')).toThrow();
  });

  it.each([
    // n, d, digits → decimal.js-style quotient
    [1n, 3n, 5, '0.33333'],
    [2n, 3n, 5, '0.66667'],
    [-2n, 3n, 5, '-0.66667'],
    [1n, -8n, 2, '-0.12'], // 0.125 → half to even → 0.12
    [3n, 8n, 2, '0.38'], // 0.375 → half to even → 0.38
    [999999n, 1000000n, 3, '1.00'], // rounding carries into a new digit
    [123456n, 1n, 3, '123000'],
  ])('divide(%s, %s, %s) = %s', (n, d, digits, expected) => {
    expect(toDec(divide(n, d, digits)).eq(new Dec(expected))).toBe(true);
  });

  it('add, sub and mul are exact; division and rounding match decimal.js at 60 digits', () => {
    fc.assert(
      fc.property(decimalString, decimalString, (a, b) => {
        const [x, y] = [parseFixed(a), parseFixed(b)];
        expect(toDec(add(x, y)).eq(new Dec(a).plus(b))).toBe(true);
        expect(toDec(sub(x, y)).eq(new Dec(a).minus(b))).toBe(true);
        expect(toDec(mul(x, y)).eq(new Dec(a).times(b))).toBe(true);
        if (y.int !== 0n) {
          const scale = Math.max(x.scale, y.scale);
          const q = divide(x.int * 10n ** BigInt(scale - x.scale), y.int * 10n ** BigInt(scale - y.scale), Dec.precision);
          expect(toDec(q).eq(new Dec(a).div(b))).toBe(true);
          expect(toDec(roundTo(sub(q, { int: 1n, scale: 0 }), Dec.precision)).eq(new Dec(a).div(b).minus(1))).toBe(true);
        }
      }),
    );
  });
});
