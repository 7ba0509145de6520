import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from './scenario';
import { type RunningSimulator, startSimulator } from './server';
import { control, get, obj, signed } from './testing/client';
import { creds, demo } from './testing/scenarios';

let sim: RunningSimulator;
let scenario: Scenario;

beforeAll(async () => {
  scenario = await demo();
  sim = await startSimulator({ port: 0, scenario });
});
afterAll(() => sim.close());
beforeEach(() => control(sim.url, 'POST', 'reset'));

/** Moves the exchange clock to the start of the next minute (plus `extraMs`): a new weight interval. */
async function nextMinute(extraMs = 0): Promise<number> {
  const state = obj(await control(sim.url, 'GET', 'state'));
  const now = Number(state.serverTime);
  const target = (Math.floor(now / 60_000) + 1) * 60_000 + 1_000 + extraMs;
  await control(sim.url, 'POST', 'clock', { offsetMs: Number(state.clockOffsetMs) + target - now });
  return target;
}

/** Moves the simulator clock forward (signed requests stay inside recvWindow for small steps). */
async function advance(ms: number): Promise<void> {
  const state = obj(await control(sim.url, 'GET', 'state'));
  await control(sim.url, 'POST', 'clock', { offsetMs: Number(state.clockOffsetMs) + ms });
}

describe('weights and limits', () => {
  it('counts the shared /api pool in X-MBX-USED-WEIGHT-1M (ticker: 2 for one symbol, 4 for all)', async () => {
    await nextMinute();
    const one = await get(sim.url, '/api/v3/ticker/price?symbol=BTCUSDT');
    const all = await get(sim.url, '/api/v3/ticker/price');
    expect(one.headers.get('x-mbx-used-weight-1m')).toBe('2');
    expect(all.headers.get('x-mbx-used-weight-1m')).toBe('6');
  });

  it('counts each UID-limited /sapi endpoint on its own budget in X-SAPI-USED-UID-WEIGHT-1M', async () => {
    await nextMinute();
    const t = Date.now() + Number(obj(await control(sim.url, 'GET', 'state')).clockOffsetMs);
    const echo = creds(scenario, 'echo-monitor');
    const loan = await signed(sim.url, echo, 'GET', '/sapi/v1/portfolio/pmLoan', {}, { timestamp: t });
    expect(loan.headers.get('x-sapi-used-uid-weight-1m')).toBe('500');
    const keys = await signed(sim.url, echo, 'GET', '/sapi/v1/margin/api-key-list', {}, { timestamp: t });
    expect(keys.headers.get('x-sapi-used-uid-weight-1m')).toBe('1');
  });

  it('answers 429 with -1003 and Retry-After past 6000/min, then 418 to a client that keeps calling', async () => {
    await nextMinute();
    // 1500 calls × weight 4 = 6000: exactly the limit, still served.
    for (let i = 0; i < 30; i++) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => get(sim.url, '/api/v3/ticker/price')));
      expect(batch.every((a) => a.status === 200)).toBe(true);
    }
    const over = await get(sim.url, '/api/v3/ticker/price');
    expect(over.status).toBe(429);
    expect(obj(over).code).toBe(-1003);
    expect(over.headers.get('x-mbx-used-weight-1m')).toBe('6004');
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Past the in-flight grace, a caller still calling has ignored the 429.
    await advance(1_000);
    const hammer = await get(sim.url, '/api/v3/time');
    expect(hammer.status).toBe(418);
    expect(obj(hammer).code).toBe(-1003);
    // Binance: bans start at 2 minutes.
    expect(Number(hammer.headers.get('retry-after'))).toBeGreaterThanOrEqual(120);
    expect((await get(sim.url, '/api/v3/time')).status).toBe(418);

    // Once the ban has run out (clock moved, no sleeping), the client is served again.
    await nextMinute(120_000);
    expect((await get(sim.url, '/api/v3/time')).status).toBe(200);
  });

  it('lets a client that waits out Retry-After continue without a ban', async () => {
    await control(sim.url, 'POST', 'faults', { force429: { path: '/sapi/v1/margin/account', count: 1, retryAfterSec: 2 } });
    const kilo = creds(scenario, 'kilo-treasury');
    const first = await signed(sim.url, kilo, 'GET', '/sapi/v1/margin/account');
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '2']);
    const state = obj(await control(sim.url, 'GET', 'state'));
    await control(sim.url, 'POST', 'clock', { offsetMs: Number(state.clockOffsetMs) + 2_000 });
    const t = Date.now() + Number(state.clockOffsetMs) + 2_000;
    const second = await signed(sim.url, kilo, 'GET', '/sapi/v1/margin/account', {}, { timestamp: t });
    expect(second.status).toBe(200);
  });

  it('bans a client that retries a forced 429 immediately', async () => {
    await control(sim.url, 'POST', 'faults', { force429: { path: '/sapi/v1/margin/account', count: 1, retryAfterSec: 5 } });
    const kilo = creds(scenario, 'kilo-treasury');
    expect((await signed(sim.url, kilo, 'GET', '/sapi/v1/margin/account')).status).toBe(429);
    await advance(1_000);
    const t = Number(obj(await control(sim.url, 'GET', 'state')).serverTime);
    expect((await signed(sim.url, kilo, 'GET', '/sapi/v1/margin/account', {}, { timestamp: t })).status).toBe(418);
  });

  it('answers 429, not 418, to requests already in flight when the 429 went out', async () => {
    await control(sim.url, 'POST', 'faults', { force429: { path: '/sapi/v1/margin/account', count: 1, retryAfterSec: 5 } });
    const kilo = creds(scenario, 'kilo-treasury');
    const t = Number(obj(await control(sim.url, 'GET', 'state')).serverTime);
    const burst = await Promise.all(Array.from({ length: 4 }, () => signed(sim.url, kilo, 'GET', '/sapi/v1/margin/account', {}, { timestamp: t })));
    expect(burst.map((r) => r.status)).toEqual([429, 429, 429, 429]);
  });
});

describe('faults', () => {
  it('fails every request at error5xxRate 1 and none at 0', async () => {
    await control(sim.url, 'POST', 'faults', { error5xxRate: 1 });
    const failed = await get(sim.url, '/api/v3/time');
    expect([failed.status, obj(failed).code]).toEqual([503, -1001]);
    await control(sim.url, 'POST', 'faults', { error5xxRate: 0 });
    expect((await get(sim.url, '/api/v3/time')).status).toBe(200);
  });

  it('never answers a path listed in timeoutPaths', async () => {
    await control(sim.url, 'POST', 'faults', { timeoutPaths: ['/api/v3/time'] });
    const outcome = await fetch(`${sim.url}/api/v3/time`, { signal: AbortSignal.timeout(300) }).then(
      () => 'answered',
      (e: Error) => e.name,
    );
    expect(outcome).toBe('TimeoutError');
  });
});
