import { describe, expect, it } from 'vitest';
import { cachedForRefresh } from './refresh-cache';

describe('cachedForRefresh', () => {
  it('computes once per refresh and view, and concurrent callers share the computation', async () => {
    let calls = 0;
    const compute = async () => ++calls;
    const [a, b] = await Promise.all([cachedForRefresh('r1', 'v', compute), cachedForRefresh('r1', 'v', compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await cachedForRefresh('r2', 'v', compute)).toBe(2);
    expect(await cachedForRefresh('r1', 'other', compute)).toBe(3);
    expect(await cachedForRefresh('r1', 'v', compute)).toBe(1);
  });

  it('does not keep a failure', async () => {
    await expect(cachedForRefresh('r-fail', 'v', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cachedForRefresh('r-fail', 'v', async () => 'ok')).toBe('ok');
  });

  it('evicts the least recently used entry beyond its bound', async () => {
    let calls = 0;
    const compute = async () => ++calls;
    await cachedForRefresh('keep', 'v', compute);
    for (let i = 0; i < 40; i++) {
      await cachedForRefresh(`fill-${i}`, 'v', compute);
      await cachedForRefresh('keep', 'v', compute); // used again: stays
    }
    const before = calls;
    await cachedForRefresh('keep', 'v', compute);
    await cachedForRefresh('fill-0', 'v', compute); // evicted long ago: computed again
    expect(calls).toBe(before + 1);
  });
});
