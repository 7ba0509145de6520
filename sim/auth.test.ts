import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from './scenario';
import { type RunningSimulator, startSimulator } from './server';
import { control, get, obj, signed } from './testing/client';
import { CLIENT_IP, creds, demo, ed25519Key, normalKey } from './testing/scenarios';

let sim: RunningSimulator;
let scenario: Scenario;
const edNormal = ed25519Key('alpha-ed25519-reader', 'normal');

beforeAll(async () => {
  const base = await demo();
  // The demo plus one Ed25519 normal key on desk-alpha, to sign /sapi reads with Ed25519.
  scenario = parseScenario({
    ...base,
    subAccounts: base.subAccounts.map((s) => (s.email === 'desk-alpha@fundx.example' ? { ...s, keys: [...s.keys, edNormal, normalKey('alpha-reader', { enableReading: true })] } : s)),
  });
  sim = await startSimulator({ port: 0, scenario });
});
afterAll(() => sim.close());

const alpha = () => creds(scenario, 'alpha-monitor');

describe('signed requests', () => {
  it('accepts a correctly signed HMAC request and reports the IP weight header', async () => {
    const a = await signed(sim.url, alpha(), 'GET', '/sapi/v1/margin/tradeCoeff');
    expect(a.status).toBe(200);
    expect(obj(a).forceLiquidationBar).toBe('1.1');
    expect(Number(a.headers.get('x-sapi-used-ip-weight-1m'))).toBeGreaterThanOrEqual(10);
  });

  it('answers -1022 when one byte of a signed request is changed after signing', async () => {
    const a = await signed(sim.url, alpha(), 'GET', '/sapi/v1/margin/account', {}, { tamper: (q) => q.replace('recvWindow=5000', 'recvWindow=5001') });
    expect(a.status).toBe(400);
    expect(obj(a)).toEqual({ code: -1022, msg: 'Signature for this request is not valid.' });
  });

  it('verifies signatures over a form body too', async () => {
    const a = await signed(sim.url, creds(scenario, 'alpha-trading'), 'POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01' }, { inBody: true });
    expect(a.status).toBe(200);
    expect(obj(a).symbol).toBe('BTCUSDT');
  });

  it('accepts an Ed25519-signed request and rejects it once tampered', async () => {
    const key = { apiKey: edNormal.apiKey, privateKey: edNormal.privateKey, algorithm: 'Ed25519' as const };
    const ok = await signed(sim.url, key, 'GET', '/sapi/v1/margin/account');
    expect(ok.status).toBe(200);
    expect(obj(ok).accountType).toBe('MARGIN_1');
    const bad = await signed(sim.url, key, 'GET', '/sapi/v1/margin/account', {}, { tamper: (q) => q.replace('recvWindow=5000', 'recvWindow=4000') });
    expect(obj(bad).code).toBe(-1022);
  });

  it('answers -2014 (401) to a malformed key and -2015 (401) to an unknown one', async () => {
    const badFormat = await signed(sim.url, { apiKey: 'short', secretKey: 'x' }, 'GET', '/sapi/v1/margin/account');
    expect([badFormat.status, obj(badFormat).code]).toEqual([401, -2014]);
    const unknown = await signed(sim.url, { apiKey: 'A'.repeat(64), secretKey: 'x' }, 'GET', '/sapi/v1/margin/account');
    expect([unknown.status, obj(unknown).code]).toEqual([401, -2015]);
  });

  it('answers -1102 when the mandatory timestamp is missing', async () => {
    const a = await get(sim.url, '/sapi/v1/margin/account?signature=00', { 'X-MBX-APIKEY': alpha().apiKey });
    expect(obj(a)).toEqual({ code: -1102, msg: "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed." });
  });

  it('applies the recvWindow rules: stale → -1021, ahead by 1 s → -1021, window > 60000 → -1131', async () => {
    const stale = await signed(sim.url, alpha(), 'GET', '/sapi/v1/margin/account', {}, { timestamp: Date.now() - 10_000 });
    expect(obj(stale).code).toBe(-1021);
    const ahead = await signed(sim.url, alpha(), 'GET', '/sapi/v1/margin/account', {}, { timestamp: Date.now() + 5_000 });
    expect(obj(ahead)).toEqual({ code: -1021, msg: "Timestamp for this request was 1000ms ahead of the server's time." });
    const wide = await signed(sim.url, alpha(), 'GET', '/sapi/v1/margin/account', {}, { recvWindow: 60_001 });
    expect(obj(wide).code).toBe(-1131);
  });

  it('answers -1021 when the exchange clock is shifted, and accepts again once the client uses server time', async () => {
    await control(sim.url, 'POST', 'clock', { offsetMs: 30_000 });
    try {
      const a = await signed(sim.url, alpha(), 'GET', '/sapi/v1/margin/account');
      expect(obj(a).code).toBe(-1021);
      const t = obj(await get(sim.url, '/api/v3/time')).serverTime as number;
      const b = await signed(sim.url, alpha(), 'GET', '/sapi/v1/margin/account', {}, { timestamp: t });
      expect(b.status).toBe(200);
    } finally {
      await control(sim.url, 'POST', 'clock', { offsetMs: 0 });
    }
  });
});

describe('keys, permissions and isolation', () => {
  it('lets a special key trade on /api but answers -2015 on /sapi and records the violation', async () => {
    const hft = creds(scenario, 'alpha-hft-01');
    const order = await signed(sim.url, hft, 'POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quantity: '0.5' });
    expect(order.status).toBe(200);
    const before = (obj(await control(sim.url, 'GET', 'violations')).violations as unknown[]).length;
    const read = await signed(sim.url, hft, 'GET', '/sapi/v1/margin/account');
    expect([read.status, obj(read).code]).toEqual([401, -2015]);
    const violations = obj(await control(sim.url, 'GET', 'violations')).violations as Array<Record<string, unknown>>;
    expect(violations.length).toBe(before + 1);
    expect(violations.at(-1)).toMatchObject({ rule: 'SPECIAL_KEY_ON_SAPI', keyName: 'alpha-hft-01', path: '/sapi/v1/margin/account', signatureValid: true });
  });

  it('logs each request with key name and type', async () => {
    await signed(sim.url, alpha(), 'GET', '/sapi/v1/margin/tradeCoeff');
    const log = obj(await control(sim.url, 'GET', 'requests')).requests as Array<Record<string, unknown>>;
    expect(log.at(-1)).toMatchObject({ method: 'GET', path: '/sapi/v1/margin/tradeCoeff', keyName: 'alpha-monitor', keyType: 'normal', weight: 10, status: 200 });
  });

  it('refuses a read-only key that tries to delete or even list special keys (-2015: both are TRADE)', async () => {
    const reader = creds(scenario, 'alpha-reader');
    const a = await signed(sim.url, reader, 'DELETE', '/sapi/v1/margin/apiKey', { apiKey: creds(scenario, 'alpha-hft-01').apiKey });
    expect([a.status, obj(a).code]).toEqual([401, -2015]);
    const refused = await signed(sim.url, reader, 'GET', '/sapi/v1/margin/api-key-list');
    expect([refused.status, obj(refused).code]).toEqual([401, -2015]);
    const keys = await signed(sim.url, alpha(), 'GET', '/sapi/v1/margin/api-key-list');
    expect((keys.body as unknown[]).length).toBe(1);
  });

  it('keeps sub-account endpoints for the master key only (-1002)', async () => {
    const a = await signed(sim.url, alpha(), 'GET', '/sapi/v1/sub-account/list');
    expect([a.status, obj(a).code]).toEqual([401, -1002]);
    const m = await signed(sim.url, creds(scenario, 'marginwatch-master-read'), 'GET', '/sapi/v1/sub-account/list', { limit: 200 });
    expect((obj(m).subAccounts as unknown[]).length).toBe(scenario.subAccounts.length);
  });

  it("shows a sub-account's key its own account only", async () => {
    const mine = obj(await signed(sim.url, alpha(), 'GET', '/sapi/v1/margin/account'));
    const viaMaster = obj(await signed(sim.url, creds(scenario, 'marginwatch-master-read'), 'GET', '/sapi/v1/sub-account/margin/account', { email: 'desk-alpha@fundx.example' }));
    expect(mine.totalAssetOfBtc).toBe(viaMaster.totalAssetOfBtc);
    const kilo = obj(await signed(sim.url, creds(scenario, 'kilo-treasury'), 'GET', '/sapi/v1/margin/account'));
    expect(kilo.totalAssetOfBtc).not.toBe(mine.totalAssetOfBtc);
  });

  it('enforces IP whitelists against the scenario client address', async () => {
    expect(scenario.clientIp).toBe(CLIENT_IP);
    const restricted = parseScenario({ ...scenario, clientIp: '198.51.100.7' });
    const other = await startSimulator({ port: 0, scenario: restricted });
    try {
      const a = await signed(other.url, alpha(), 'GET', '/sapi/v1/margin/account');
      expect(obj(a).code).toBe(-2015);
      // juliet's special key has no whitelist, so it still trades from anywhere: the risk the app flags.
      const open = await signed(other.url, creds(scenario, 'juliet-hft-open'), 'POST', '/api/v3/order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '1' });
      expect(open.status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('answers 404 to an unknown control path', async () => {
    const a = await control(sim.url, 'GET', 'nothing-here');
    expect(a.status).toBe(404);
  });
});
