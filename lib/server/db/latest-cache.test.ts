import { describe, expect, it } from 'vitest';
import { countingRead as source } from '@/lib/testing/counting-read';
import { latestChanged, memoLatest } from './latest-cache';

describe('latest-cache', () => {
  it('answers repeated reads from memory until this process writes', async () => {
    const db = {};
    const { state, read } = source('run-1');
    expect(await memoLatest(db, 'refreshes m', read, 0)).toBe('run-1');
    expect(await memoLatest(db, 'refreshes m', read, 10)).toBe('run-1');
    expect(state.reads).toBe(1);

    state.value = 'run-2';
    latestChanged();
    expect(await memoLatest(db, 'refreshes m', read, 20)).toBe('run-2');
    expect(state.reads).toBe(2);
  });

  it('reads again after a second, for writes by another instance it was never told of', async () => {
    const db = {};
    const { state, read } = source('run-1');
    await memoLatest(db, 'k', read, 0);
    state.value = 'run-2';
    expect(await memoLatest(db, 'k', read, 999)).toBe('run-1');
    expect(await memoLatest(db, 'k', read, 1_000)).toBe('run-2');
  });

  it('drops a read that was under way when the write committed', async () => {
    const db = {};
    let release!: (v: string) => void;
    const slow = memoLatest(db, 'k', () => new Promise<string>((r) => (release = r)), 0);
    latestChanged(); // the write commits while the first read is still out
    release('before the write');
    expect(await slow).toBe('before the write');
    expect(await memoLatest(db, 'k', () => Promise.resolve('after the write'), 1)).toBe('after the write');
  });

  it('keeps each database handle and key apart, and never keeps a failure', async () => {
    const [a, b] = [{}, {}];
    await memoLatest(a, 'k', () => Promise.resolve('a'), 0);
    expect(await memoLatest(b, 'k', () => Promise.resolve('b'), 0)).toBe('b');
    expect(await memoLatest(a, 'other', () => Promise.resolve('other'), 0)).toBe('other');

    await expect(memoLatest(a, 'failing', () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down');
    expect(await memoLatest(a, 'failing', () => Promise.resolve('up'), 1)).toBe('up');
  });
});
