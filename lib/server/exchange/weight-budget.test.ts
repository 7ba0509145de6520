import 'server-only';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BudgetKey } from './weight-budget';
import { WeightBudget } from './weight-budget';

const BASE = 'http://sim';
const marginAccount: BudgetKey = { baseUrl: BASE, scope: 'SAPI_IP', endpoint: 'GET /sapi/v1/margin/account', account: 'k1' };
const tradeCoeff: BudgetKey = { ...marginAccount, endpoint: 'GET /sapi/v1/margin/tradeCoeff' };
const time: BudgetKey = { baseUrl: BASE, scope: 'API_IP', endpoint: 'GET /api/v3/time', account: 'k1' };
const ticker: BudgetKey = { ...time, endpoint: 'GET /api/v3/ticker/price' };
const keyList = (account: string): BudgetKey => ({ baseUrl: BASE, scope: 'SAPI_UID', endpoint: 'GET /sapi/v1/margin/api-key-list', account });

// A clock that only moves when the budget sleeps: every wait is recorded, nothing really sleeps.
function fakeClock(start = 1_700_000_000_000) {
  const clock = {
    t: start,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}
const headers = (h: Record<string, string>) => new Headers(h);
const WINDOW = 60_000;

describe('WeightBudget', () => {
  it('caps each scope at 80 % of its limit by default', () => {
    const b = new WeightBudget();
    expect([b.capOf('API_IP'), b.capOf('SAPI_IP'), b.capOf('SAPI_UID')]).toEqual([4800, 9600, 144_000]);
  });

  it('waits for the next minute window when the next call would cross the cap', async () => {
    const clock = fakeClock(Math.floor(1_700_000_000_000 / WINDOW) * WINDOW + 15_000); // 15 s into a minute
    const b = new WeightBudget({ now: clock.now, sleep: clock.sleep });
    const t0 = clock.t;
    const windowEnd = t0 - 15_000 + WINDOW;
    for (let i = 0; i < 960; i++) b.settle(await b.acquire(marginAccount, 10), null); // 9600 = the cap
    expect(clock.sleeps).toEqual([]);
    await b.acquire(marginAccount, 10);
    expect(clock.sleeps).toEqual([45_000]); // slept exactly to the minute boundary
    expect(clock.t).toBe(windowEnd);
  });

  it('trusts the exchange’s used-weight header when it is higher than its own count', async () => {
    const clock = fakeClock();
    const b = new WeightBudget({ now: clock.now, sleep: clock.sleep });
    b.settle(await b.acquire(marginAccount, 10), headers({ 'x-sapi-used-ip-weight-1m': '9590' }));
    b.settle(await b.acquire(marginAccount, 10), headers({ 'x-sapi-used-ip-weight-1m': '9600' }));
    expect(clock.sleeps).toEqual([]);
    await b.acquire(marginAccount, 10); // 9610 > 9600
    expect(clock.sleeps).toHaveLength(1);
  });

  it('reads the header of the endpoint’s own scope', async () => {
    const clock = fakeClock();
    const b = new WeightBudget({ now: clock.now, sleep: clock.sleep });
    b.settle(await b.acquire(time, 1), headers({ 'x-mbx-used-weight-1m': '4000', 'x-sapi-used-ip-weight-1m': '1' }));
    b.settle(await b.acquire(keyList('k1'), 1), headers({ 'x-sapi-used-uid-weight-1m': '77' }));
    const used = Object.fromEntries(b.snapshot().map((s) => [s.bucket, s.used]));
    expect(used[WeightBudget.bucketId(time)]).toBe(4000);
    expect(used[WeightBudget.bucketId(keyList('k1'))]).toBe(77);
  });

  it('shares one /api budget across endpoints but gives each /sapi endpoint and account its own', async () => {
    const clock = fakeClock();
    const b = new WeightBudget({ now: clock.now, sleep: clock.sleep });
    b.settle(await b.acquire(time, 4800), null);
    b.settle(await b.acquire(marginAccount, 9600), null);
    b.settle(await b.acquire(keyList('k1'), 144_000), null);
    // Other /sapi endpoints and other accounts are untouched…
    await b.acquire(tradeCoeff, 9600);
    await b.acquire(keyList('k2'), 144_000);
    expect(clock.sleeps).toEqual([]);
    // …but /api is one bucket for every path.
    await b.acquire(ticker, 2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('after a 429 every call in that scope waits until Retry-After, other scopes do not', async () => {
    const clock = fakeClock();
    const b = new WeightBudget({ now: clock.now, sleep: clock.sleep });
    const r = await b.acquire(marginAccount, 10);
    b.settle(r, null);
    b.block(r, 429, clock.t + 7_000);
    await b.acquire(tradeCoeff, 10);
    expect(clock.sleeps).toEqual([]);
    const before = clock.t;
    await b.acquire(marginAccount, 10);
    expect(clock.t).toBeGreaterThanOrEqual(before + 7_000);
  });

  it('says until when a base URL is blocked (what a refresh reports it waits for), and null once it lapsed', async () => {
    const clock = fakeClock();
    const b = new WeightBudget({ now: clock.now, sleep: clock.sleep });
    expect(b.blockedUntil(BASE)).toBeNull();
    const r = await b.acquire(marginAccount, 10);
    b.settle(r, null);
    b.block(r, 429, clock.t + 7_000);
    const t = await b.acquire(time, 1);
    b.block(t, 418, clock.t + 3_000);
    expect(b.blockedUntil(BASE)).toBe(clock.t + 7_000);
    expect(b.blockedUntil('http://sim2')).toBeNull();
    clock.t += 7_000;
    expect(b.blockedUntil(BASE)).toBeNull();
  });

  it('after a 418 every scope of that base URL waits, another base URL does not', async () => {
    const clock = fakeClock();
    const b = new WeightBudget({ now: clock.now, sleep: clock.sleep });
    const r = await b.acquire(time, 1);
    b.settle(r, null);
    b.block(r, 418, clock.t + 120_000);
    await b.acquire({ ...time, baseUrl: 'http://other' }, 1);
    expect(clock.sleeps).toEqual([]);
    await b.acquire(keyList('k9'), 1);
    expect(clock.sleeps.reduce((a, x) => a + x, 0)).toBe(120_000);
  });

  it('lets one call heavier than the cap through on an empty window instead of stalling forever', async () => {
    const clock = fakeClock();
    const b = new WeightBudget({ now: clock.now, sleep: clock.sleep, limits: { SAPI_UID: 1000 } });
    await b.acquire(keyList('k1'), 3000);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('WeightBudget under concurrent load (vitest fake timers)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps every minute window under 80 % while 300 concurrent calls run', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const b = new WeightBudget(); // real defaults: Date.now and setTimeout, both faked
    const perWindow = new Map<number, number>(); // what a Binance-like server would count
    const weights = Array.from({ length: 300 }, (_, i) => 10 + ((i * 37) % 91));
    const calls = weights.map(async (w) => {
      const r = await b.acquire(marginAccount, w);
      const win = Math.floor(Date.now() / WINDOW);
      const used = (perWindow.get(win) ?? 0) + w;
      perWindow.set(win, used);
      b.settle(r, headers({ 'x-sapi-used-ip-weight-1m': String(used) }));
    });
    await vi.runAllTimersAsync();
    await Promise.all(calls);
    const total = weights.reduce((a, w) => a + w, 0);
    expect([...perWindow.values()].reduce((a, w) => a + w, 0)).toBe(total);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(9600);
    expect(perWindow.size).toBeGreaterThanOrEqual(Math.ceil(total / 9600)); // it really had to wait
  });
});
