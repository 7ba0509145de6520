import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from './server';
import { control, obj, signed } from './testing/client';
import { creds, demo } from './testing/scenarios';

const running: RunningSimulator[] = [];
const start = async (statePath: string, scenario?: Awaited<ReturnType<typeof demo>>) => {
  const sim = await startSimulator({ port: 0, scenario: scenario ?? (await demo()), statePath });
  running.push(sim);
  return sim;
};
afterEach(async () => {
  for (const sim of running.splice(0)) await sim.close().catch(() => undefined);
});

/** What the exchange holds, without what moves on its own (the clock) or is not kept (limits, faults). */
async function held(url: string) {
  const { serverTime: _t, rateLimits: _r, faults: _f, ...rest } = obj(await control(url, 'GET', 'state'));
  return rest;
}

describe('the simulator state kept in a file (demo mode)', () => {
  it('a restart finds the exchange as it was: a created key (which still signs), moved prices and the liquidations they caused', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sim-state-')), 'simulator-state.json');
    const scenario = await demo();
    const first = await start(file, scenario);
    expect(first.restored).toBe(false);
    const fresh = await held(first.url);

    const created = obj(await signed(first.url, creds(scenario, 'charlie-trading'), 'POST', '/sapi/v1/margin/apiKey', { apiName: 'charlie-hft-01', ip: '203.0.113.10' }));
    const shock = obj(await control(first.url, 'POST', 'prices', { shock: '-0.4' }));
    expect((shock.liquidations as unknown[]).length).toBeGreaterThan(0);
    const before = await held(first.url);
    expect(before).not.toEqual(fresh);
    await first.close();
    running.splice(0);

    const second = await start(file, scenario);
    expect(second.restored).toBe(true);
    expect(await held(second.url)).toEqual(before);
    const order = await signed(second.url, { apiKey: String(created.apiKey), secretKey: String(created.secretKey) }, 'POST', '/api/v3/order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '1' });
    expect(order.status).toBe(200);

    // POST /__sim/reset is a change like any other: the next start is the scenario again.
    await control(second.url, 'POST', 'reset');
    const afterReset = await held(second.url);
    await second.close();
    running.splice(0);
    const third = await start(file, scenario);
    expect(await held(third.url)).toEqual(afterReset);
    expect(afterReset.prices).toEqual(fresh.prices);
    const charlie = (afterReset.accounts as { email: string; keys: { apiKey: string }[] }[]).find((a) => a.email === 'desk-charlie@fundx.example')!;
    expect(charlie.keys.map((k) => k.apiKey)).not.toContain(created.apiKey);
  });

  it('a state saved for another scenario is not used', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sim-state-')), 'simulator-state.json');
    const scenario = await demo();
    const first = await start(file, scenario);
    await control(first.url, 'POST', 'prices', { shock: '-0.1' });
    await first.close();
    running.splice(0);

    const other = await start(file, { ...scenario, name: 'another' });
    expect(other.restored).toBe(false);
    expect((obj(await control(other.url, 'GET', 'state')).prices as Record<string, string>).BTCUSDT).toBe(Number(scenario.prices.BTCUSDT).toFixed(8));
  });
});
