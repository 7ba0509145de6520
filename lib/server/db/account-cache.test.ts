import { describe, expect, it } from 'vitest';
import { countingRead as source } from '@/lib/testing/counting-read';
import { accountChanged, memoAccount } from './account-cache';

const alpha = { masterId: 'm1', email: 'alpha@desk.test', refreshId: 'r1' };

describe('account-cache', () => {
  it('answers repeated reads from memory until this process writes the account', async () => {
    const db = {};
    const { state, read } = source('note 1');
    expect(await memoAccount(db, alpha, read, 0)).toBe('note 1');
    expect(await memoAccount(db, alpha, read, 10)).toBe('note 1');
    expect(state.reads).toBe(1);

    state.value = 'note 2';
    accountChanged('m1', 'alpha@desk.test');
    expect(await memoAccount(db, alpha, read, 20)).toBe('note 2');
    expect(state.reads).toBe(2);
  });

  it('drops only the account written, or every account of a master when no email is named', async () => {
    const db = {};
    const bravo = { ...alpha, email: 'bravo@desk.test' };
    const other = { ...alpha, masterId: 'm2' };
    for (const scope of [alpha, bravo, other]) await memoAccount(db, scope, () => Promise.resolve('kept'), 0);
    const fresh = () => Promise.resolve('read again');

    accountChanged('m1', 'alpha@desk.test');
    expect(await memoAccount(db, alpha, fresh, 1)).toBe('read again');
    expect(await memoAccount(db, bravo, fresh, 1)).toBe('kept');

    accountChanged('m1');
    expect(await memoAccount(db, bravo, fresh, 2)).toBe('read again');
    expect(await memoAccount(db, other, fresh, 2)).toBe('kept');
  });

  it('drops a read that was under way when the write committed', async () => {
    const db = {};
    let release!: (v: string) => void;
    const slow = memoAccount(db, alpha, () => new Promise<string>((r) => (release = r)), 0);
    accountChanged('m1', 'alpha@desk.test'); // the note is committed while the first read is still out
    release('before the write');
    expect(await slow).toBe('before the write');
    expect(await memoAccount(db, alpha, () => Promise.resolve('after the write'), 1)).toBe('after the write');
  });

  it('reads again after a second, for writes by another instance it was never told of', async () => {
    const db = {};
    const { state, read } = source('before');
    await memoAccount(db, alpha, read, 0);
    state.value = 'after';
    expect(await memoAccount(db, alpha, read, 999)).toBe('before');
    expect(await memoAccount(db, alpha, read, 1_000)).toBe('after');
  });

  it('keeps a newly shown refresh and each database handle apart, and never keeps a failure', async () => {
    const [a, b] = [{}, {}];
    await memoAccount(a, alpha, () => Promise.resolve('refresh 1'), 0);
    expect(await memoAccount(a, { ...alpha, refreshId: 'r2' }, () => Promise.resolve('refresh 2'), 1)).toBe('refresh 2');
    expect(await memoAccount(b, { ...alpha, refreshId: 'r2' }, () => Promise.resolve('other database'), 2)).toBe('other database');

    await expect(memoAccount(a, alpha, () => Promise.reject(new Error('down')), 3)).rejects.toThrow('down');
    expect(await memoAccount(a, alpha, () => Promise.resolve('up'), 4)).toBe('up');
  });

  it('holds at most 256 accounts, the oldest dropped first', async () => {
    const db = {};
    const scope = (i: number) => ({ ...alpha, email: `desk-${i}@desk.test` });
    for (let i = 0; i < 300; i++) await memoAccount(db, scope(i), () => Promise.resolve(`kept ${i}`), 0);
    expect(await memoAccount(db, scope(299), () => Promise.resolve('read again'), 1)).toBe('kept 299');
    expect(await memoAccount(db, scope(44), () => Promise.resolve('read again'), 1)).toBe('kept 44');
    expect(await memoAccount(db, scope(43), () => Promise.resolve('read again'), 1)).toBe('read again');
  });
});
