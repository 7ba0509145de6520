import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countKeys } from './quota';

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('countKeys', () => {
  it.each([
    ['listed only', { listed: keys('k', 5), special: null, stored: [], deleted: [] }, { count: 5, complete: true, near: false }],
    ['stored keys are already in the list', { listed: keys('k', 3), special: ['k0'], stored: ['k1'], deleted: [] }, { count: 3, complete: true, near: false }],
    ['a key created since the list was read still counts', { listed: keys('k', 3), special: ['new'], stored: [], deleted: [] }, { count: 4, complete: true, near: false }],
    ['without the exchange list: a lower bound', { listed: null, special: ['s1', 's2'], stored: ['n1'], deleted: [] }, { count: 3, complete: false, near: false }],
    ['nothing known', { listed: null, special: null, stored: [], deleted: [] }, { count: 0, complete: false, near: false }],
    ['26 keys: not near', { listed: keys('k', 26), special: null, stored: [], deleted: [] }, { count: 26, complete: true, near: false }],
    ['27 keys: within 3 of 30', { listed: keys('k', 27), special: null, stored: [], deleted: [] }, { count: 27, complete: true, near: true }],
    ['30 keys: at the limit', { listed: keys('k', 26), special: keys('s', 4), stored: [], deleted: [] }, { count: 30, complete: true, near: true }],
    // desk-hotel after its exit: the hourly list still names the 4 special keys the exit deleted.
    ['keys deleted since the list was read no longer count', { listed: [...keys('k', 26), ...keys('s', 4)], special: [], stored: [], deleted: keys('s', 4) }, { count: 26, complete: true, near: false }],
  ])('%s', (_, sources, expected) => {
    expect(countKeys(sources)).toEqual({ ...expected, limit: 30 });
  });

  it('is the size of the union: never double-counts, never below any source', () => {
    const ids = fc.array(fc.constantFrom(...keys('k', 12)), { maxLength: 12 });
    fc.assert(
      fc.property(fc.option(ids), fc.option(ids), ids, (listed, special, stored) => {
        const { count } = countKeys({ listed, special, stored, deleted: [] });
        const all = new Set([...(listed ?? []), ...(special ?? []), ...stored]);
        return count === all.size && count >= new Set(stored).size && count >= new Set(listed ?? []).size;
      }),
    );
  });
});
