import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { err } from './errors';
import type { Scenario } from './scenario';
import { type RunningSimulator, startSimulator } from './server';
import { control, obj, signed } from './testing/client';
import { creds, demo, liquidationScenario, normalKey } from './testing/scenarios';

let sim: RunningSimulator;
let scenario: Scenario;
const state = async () => obj(await control(sim.url, 'GET', 'state')).accounts as Array<Record<string, unknown>>;
const account = async (email: string) => (await state()).find((a) => a.email === email);

beforeAll(async () => {
  scenario = await demo();
  sim = await startSimulator({ port: 0, scenario });
});
afterAll(() => sim.close());
beforeEach(() => control(sim.url, 'POST', 'reset'));

// The refusal codes below are the simulator's own (sim/errors.ts UNPUBLISHED_CODES): Binance documents these
// rules but publishes no code, so these tests check our rule, not Binance's wording.
describe('special keys', () => {
  it('creates a special key on an account that never had one, binds it, and the new key trades on /api', async () => {
    const charlie = creds(scenario, 'charlie-trading');
    expect(await account('desk-charlie@fundx.example')).toMatchObject({ bound: false });
    const created = obj(await signed(sim.url, charlie, 'POST', '/sapi/v1/margin/apiKey', { apiName: 'charlie-hft-01', ip: '203.0.113.10' }));
    expect(created).toMatchObject({ type: 'HMAC_SHA256' });
    expect(created.apiKey).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(await account('desk-charlie@fundx.example')).toMatchObject({ bound: true, inSpecialKeyMode: true });
    const list = await signed(sim.url, charlie, 'GET', '/sapi/v1/margin/api-key-list');
    expect(list.body).toEqual([{ apiName: 'charlie-hft-01', apiKey: created.apiKey, ip: '203.0.113.10', type: 'HMAC_SHA256', permissionMode: 'TRADE' }]);
    const order = await signed(sim.url, { apiKey: String(created.apiKey), secretKey: String(created.secretKey) }, 'POST', '/api/v3/order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '1' });
    expect(order.status).toBe(200);
  });

  it('refuses the 31st key: special keys count toward the 30-key limit', async () => {
    const hotel = creds(scenario, 'hotel-bot-01');
    const a = await signed(sim.url, hotel, 'POST', '/sapi/v1/margin/apiKey', { apiName: 'hotel-hft-05' });
    expect(obj(a).code).toBe(err.keyLimit().code);
    expect(String(obj(a).msg)).toContain('30 API keys');
  });

  it('refuses creation while the 24 h exit cooldown runs, and allows it once it is over', async () => {
    const mike = creds(scenario, 'mike-monitor');
    const during = await signed(sim.url, mike, 'POST', '/sapi/v1/margin/apiKey', { apiName: 'mike-hft-02' });
    expect(obj(during).code).toBe(err.cooldown(0).code);
    // The demo exited 2 h ago: 22 h and a minute later the cooldown is over.
    const later = Date.now() + 22 * 3_600_000 + 60_000;
    await control(sim.url, 'POST', 'clock', { offsetMs: later - Date.now() });
    const after = await signed(sim.url, mike, 'POST', '/sapi/v1/margin/apiKey', { apiName: 'mike-hft-02' }, { timestamp: later });
    expect(after.status).toBe(200);
  });

  it('requires the Supplemental Terms signed at master level for the first special key', async () => {
    const s = liquidationScenario([{ subUserId: 2, email: 'fresh@test.example', keys: [normalKey('fresh-trading')] }], false);
    const other = await startSimulator({ port: 0, scenario: s });
    try {
      const a = await signed(other.url, creds(s, 'fresh-trading'), 'POST', '/sapi/v1/margin/apiKey', { apiName: 'first' });
      expect(obj(a).code).toBe(err.termsNotSigned().code);
    } finally {
      await other.close();
    }
  });

  it('deletes a special key without unbinding the account (deleting is not exiting)', async () => {
    const alpha = creds(scenario, 'alpha-trading');
    const del = await signed(sim.url, alpha, 'DELETE', '/sapi/v1/margin/apiKey', { apiKey: creds(scenario, 'alpha-hft-01').apiKey });
    expect([del.status, del.body]).toEqual([200, {}]);
    expect((await signed(sim.url, alpha, 'GET', '/sapi/v1/margin/api-key-list')).body).toEqual([]);
    expect(await account('desk-alpha@fundx.example')).toMatchObject({ bound: true, inSpecialKeyMode: true });
    const again = await signed(sim.url, alpha, 'DELETE', '/sapi/v1/margin/apiKey', { apiKey: creds(scenario, 'alpha-hft-01').apiKey });
    expect(obj(again).code).toBe(-2008);
  });

  it('edits the IP list of a special key', async () => {
    const hft = creds(scenario, 'delta-hft-01');
    const put = await signed(sim.url, creds(scenario, 'delta-monitor'), 'PUT', '/sapi/v1/margin/apiKey/ip', { apiKey: hft.apiKey, ip: '203.0.113.10,203.0.113.11' });
    expect(put.status).toBe(200);
    const one = obj(await signed(sim.url, creds(scenario, 'delta-monitor'), 'GET', '/sapi/v1/margin/apiKey', { apiKey: hft.apiKey }));
    expect(one.ip).toBe('203.0.113.10,203.0.113.11');
  });
});

describe('exit special-key mode', () => {
  const exit = (name: string) => signed(sim.url, creds(scenario, name), 'POST', '/sapi/v1/margin/exit-special-key-mode');

  it('answers {} to an account that is not in special-key mode, and changes nothing', async () => {
    const a = await exit('kilo-treasury');
    // kilo's key cannot trade: the permission check comes first.
    expect(obj(a).code).toBe(-2015);
    const charlie = await exit('charlie-trading');
    expect([charlie.status, charlie.body]).toEqual([200, {}]);
    expect(await account('desk-charlie@fundx.example')).toMatchObject({ exitedAt: null, cooldownUntil: null });
  });

  it('refuses while there is any liability, including an outstanding LiquidationLoan', async () => {
    expect(obj(await exit('bravo-monitor')).code).toBe(err.exitLiability().code);
    expect(obj(await exit('delta-monitor')).code).toBe(err.exitLiability().code);
    expect(await account('desk-bravo@fundx.example')).toMatchObject({ bound: true });
  });

  it('refuses for products other than Cross Margin Classic', async () => {
    expect(obj(await exit('foxtrot-monitor')).code).toBe(err.exitWrongProduct().code);
  });

  it('after the loan is repaid: deletes every special key, unbinds, and starts the 24 h cooldown', async () => {
    const delta = creds(scenario, 'delta-monitor');
    const repay = await signed(sim.url, delta, 'POST', '/sapi/v1/margin/liquidation-loan/repay', { asset: 'USDC', amount: '150000' });
    expect(obj(repay)).toMatchObject({ asset: 'USDC', amount: '150000.00000000', status: 'SUCCESS' });
    expect((await signed(sim.url, delta, 'GET', '/sapi/v1/margin/liquidation-loan')).body).toEqual({});
    const history = obj(await signed(sim.url, delta, 'GET', '/sapi/v1/margin/liquidation-loan/repay-history'));
    expect(history.total).toBe(1);
    const res = await exit('delta-monitor');
    expect([res.status, res.body]).toEqual([200, {}]);
    const after = await account('desk-delta@fundx.example');
    expect(after).toMatchObject({ bound: false, inSpecialKeyMode: false });
    expect(Number(after?.cooldownUntil) - Number(after?.exitedAt)).toBe(24 * 3_600_000);
    expect((await signed(sim.url, delta, 'GET', '/sapi/v1/margin/api-key-list')).body).toEqual([]);
    const recreate = await signed(sim.url, delta, 'POST', '/sapi/v1/margin/apiKey', { apiName: 'delta-hft-02' });
    expect(obj(recreate).code).toBe(err.cooldown(0).code);
  });
});
