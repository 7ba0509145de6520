import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseForTesting, type Database } from '@/lib/server/db/client';
import { testDatabases } from '@/lib/testing/databases';
import { createUser } from '../users';
import { authenticate } from './authenticate';
import { ACCOUNT_DELAY, clientIp, delayFor, IP_DELAY } from './throttle';

describe('delayFor', () => {
  it.each([
    [1, 0],
    [3, 0],
    [4, 500],
    [5, 1000],
    [6, 2000],
    [7, 4000],
    [8, 5000],
    [1000, 5000],
  ])('account attempt %i waits %i ms', (attempt, ms) => {
    expect(delayFor(attempt, ACCOUNT_DELAY)).toBe(ms);
  });
});

describe('clientIp', () => {
  it('takes the hop the proxy appended last', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '198.51.100.7, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientIp(new Headers())).toBe('unknown');
  });
});

describe('sign-in throttling cannot lock the owner out', () => {
  let database: Database;
  const email = 'owner-throttle@desk.example';
  const password = 'the right password, long enough';

  beforeAll(async () => {
    database = await testDatabases()[0]!.open();
    setDatabaseForTesting(database);
    await createUser(database.db, { email, name: 'Owner', role: 'owner', password });
  });
  afterAll(async () => database?.close());

  it('50 wrong passwords (in parallel, from one address) are slowed down; then the right password signs in', async () => {
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    const attacker = '203.0.113.66';
    const wrong = await Promise.all(Array.from({ length: 50 }, (_, i) => authenticate(email, `wrong-${i}`, { ip: attacker, wait })));
    expect(wrong.every((r) => !r.ok)).toBe(true);
    // Each attempt got its own number, so the delays climb to the cap instead of all being zero.
    expect(Math.max(...waits)).toBe(Math.max(ACCOUNT_DELAY.capMs, IP_DELAY.capMs));
    expect(wrong.filter((r) => r.delayMs === 0).length).toBeLessThanOrEqual(ACCOUNT_DELAY.free);

    const owner = await authenticate(email, password, { ip: '198.51.100.1', wait });
    expect(owner.ok).toBe(true);
    // From another address only the account's own delay applies, and it is capped.
    expect(owner.delayMs).toBe(ACCOUNT_DELAY.capMs);
    // A success starts the account afresh.
    const next = await authenticate(email, password, { ip: '198.51.100.1', wait });
    expect(next).toMatchObject({ ok: true, delayMs: 0 });
  });

  it('a spray over many emails from one address slows down that address only', async () => {
    const wait = async () => {};
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) delays.push((await authenticate(`sprayed-${i}@desk.example`, 'guess', { ip: '203.0.113.77', wait })).delayMs);
    expect(delays.slice(0, IP_DELAY.free)).toEqual(Array(IP_DELAY.free).fill(0));
    expect(delays.slice(IP_DELAY.free, IP_DELAY.free + 3)).toEqual([250, 500, 1000]);
    expect(delays.at(-1)).toBe(IP_DELAY.capMs);
    const elsewhere = await authenticate('sprayed-0@desk.example', 'guess', { ip: '198.51.100.2', wait });
    expect(elsewhere.delayMs).toBe(0);
  });
});
