import { describe, expect, it } from 'vitest';
import { boundMark, deficitBound } from './incomplete';

describe('deficitBound: what a deficit computed without the unpriced assets says about the true one', () => {
  const u = (held: string, owed: string) => ({ asset: 'XYZ', held, owed });
  it.each([
    ['nothing unpriced: exact', [], null, ''],
    ['an unpriced asset held: the true deficit is no larger', [u('5', '0')], 'AT_MOST', '≤ '],
    ['an unpriced asset owed: the true deficit is no smaller', [u('0', '5')], 'AT_LEAST', '≥ '],
    ['held and owed: unknown', [u('5', '0'), { asset: 'ABC', held: '0', owed: '1' }], 'UNKNOWN', '? '],
    ['one asset both held and owed: unknown', [u('5', '1')], 'UNKNOWN', '? '],
  ] as const)('%s', (_, unpriced, bound, mark) => {
    expect(deficitBound(unpriced)).toBe(bound);
    expect(boundMark(deficitBound(unpriced))).toBe(mark);
  });
});
