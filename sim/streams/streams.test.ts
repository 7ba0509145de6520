import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../server';
import { control, obj, signed } from '../testing/client';
import { creds, liquidationScenario, longBtc, normalKey, specialKey } from '../testing/scenarios';
import { listen, wsUrl } from '../testing/ws';

const scenario = liquidationScenario([
  { email: 'long@test.example', subUserId: 11, keys: [normalKey('long-key'), specialKey('long-special')], assets: longBtc },
  { email: 'flat@test.example', subUserId: 12, keys: [normalKey('flat-key')], assets: [{ asset: 'USDT', free: '1000' }] },
  // Equity 200,000 against a maintenance margin of 10 % of 800,000: uniMMR 2.5.
  { email: 'pm@test.example', subUserId: 13, mode: 'PORTFOLIO_MARGIN_PRO', portfolio: { maintMarginRate: '0.1' }, keys: [normalKey('pm-key')], assets: longBtc },
]);
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario });
});
afterAll(() => sim.close());
beforeEach(() => control(sim.url, 'POST', 'reset'));

const e = (m: unknown) => (m as { e?: string; data?: { e?: string } }).e ?? (m as { data?: { e?: string } }).data?.e;

async function listenKey(keyName: string, path = '/sapi/v1/margin/listen-key', method = 'POST', key?: string) {
  const query = key ? `?listenKey=${key}` : '';
  const res = await fetch(`${sim.url}${path}${query}`, { method, headers: { 'X-MBX-APIKEY': creds(scenario, keyName).apiKey } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const prices = (p: Record<string, string>) => control(sim.url, 'POST', 'prices', { prices: p });

describe('market streams', () => {
  it('ticks a symbol stream and the all-market array when prices move, combined-wrapped', async () => {
    const probe = await listen(wsUrl(sim.url, '/stream?streams=btcusdt@miniTicker/!miniTicker@arr'));
    await prices({ BTCUSDT: '101000' });
    const one = (await probe.next((m) => (m as { stream: string }).stream === 'btcusdt@miniTicker')) as { data: Record<string, unknown> };
    expect(one.data).toMatchObject({ e: '24hrMiniTicker', s: 'BTCUSDT', c: '101000.00000000', o: '100000.00000000', h: '101000.00000000', l: '100000.00000000' });
    const all = (await probe.next((m) => (m as { stream: string }).stream === '!miniTicker@arr')) as { data: Array<{ s: string }> };
    // Only the tickers that changed: ETH did not move.
    expect(all.data.map((t) => t.s)).toEqual(['BTCUSDT']);
    probe.close();
  });

  it('a raw stream is not wrapped, and a price path replays its steps in order', async () => {
    const probe = await listen(wsUrl(sim.url, '/ws/ethusdt@miniTicker'));
    await control(sim.url, 'POST', 'price-path', { steps: [{ ETHUSDT: '4100' }, { ETHUSDT: '4200' }, { ETHUSDT: '3900' }], intervalMs: 10 });
    const last = (await probe.next((m) => (m as { c: string }).c === '3900.00000000')) as Record<string, unknown>;
    expect(probe.messages.map((m) => (m as { c: string }).c)).toEqual(['4100.00000000', '4200.00000000', '3900.00000000']);
    expect(last).toMatchObject({ e: '24hrMiniTicker', h: '4200.00000000', l: '3900.00000000' });
    probe.close();
  });

  it('refuses unknown streams and more than 1024 streams on one connection', async () => {
    await expect(listen(wsUrl(sim.url, '/ws/nosuchkey'))).rejects.toThrow('400');
    const many = Array.from({ length: 1025 }, () => 'b@miniTicker').join('/');
    await expect(listen(wsUrl(sim.url, `/stream?streams=${many}`))).rejects.toThrow('400');
  });

  it('serves klines built from the price series', async () => {
    await prices({ BTCUSDT: '90000' });
    await prices({ BTCUSDT: '95000' });
    const k = await fetch(`${sim.url}/api/v3/klines?symbol=BTCUSDT&interval=1d`).then((r) => r.json() as Promise<unknown[][]>);
    expect(k).toHaveLength(1);
    expect(k[0]!.slice(1, 5)).toEqual(['100000.00000000', '100000.00000000', '90000.00000000', '95000.00000000']);
    const bad = await fetch(`${sim.url}/api/v3/klines?symbol=BTCUSDT&interval=7m`);
    expect(bad.status).toBe(400);
  });
});

describe('listen keys', () => {
  it('POST returns the active key again; PUT keeps it alive; DELETE closes it (then -1125)', async () => {
    const a = await listenKey('long-key');
    expect(a.status).toBe(200);
    expect(a.body.listenKey).toMatch(/^[A-Za-z0-9]{60}$/);
    expect((await listenKey('long-key')).body.listenKey).toBe(a.body.listenKey);
    const key = String(a.body.listenKey);
    expect(await listenKey('long-key', undefined, 'PUT', key)).toEqual({ status: 200, body: {} });
    // Another account's key, or the trade stream's path, does not know this key.
    expect((await listenKey('flat-key', undefined, 'PUT', key)).body.code).toBe(-1125);
    expect((await listenKey('long-key', '/sapi/v1/userDataStream', 'PUT', key)).body.code).toBe(-1125);
    expect((await listenKey('long-key', undefined, 'DELETE', key)).status).toBe(200);
    expect((await listenKey('long-key', undefined, 'PUT', key)).body).toEqual({ code: -1125, msg: 'This listenKey does not exist.' });
  });

  it('a special key may not open a /sapi listen key (-2015, recorded as a violation)', async () => {
    expect((await listenKey('long-special')).body.code).toBe(-2015);
    const v = obj(await control(sim.url, 'GET', 'violations')).violations as Array<{ path: string }>;
    expect(v.map((x) => x.path)).toEqual(['/sapi/v1/margin/listen-key']);
  });

  it('an expired key sends listenKeyExpired and closes the stream', async () => {
    const key = String((await listenKey('long-key')).body.listenKey);
    const probe = await listen(wsUrl(sim.url, `/ws/${key}`));
    await control(sim.url, 'POST', 'streams', { expireListenKeys: true });
    expect(await probe.next((m) => e(m) === 'listenKeyExpired')).toMatchObject({ listenKey: key });
    expect(await probe.closed).toBe(1000);
    expect((await listenKey('long-key', undefined, 'PUT', key)).body.code).toBe(-1125);
  });

  it('a key ages on the exchange clock: 61 minutes later it is gone', async () => {
    const key = String((await listenKey('long-key')).body.listenKey);
    await control(sim.url, 'POST', 'clock', { offsetMs: 61 * 60_000 });
    expect((await listenKey('long-key', undefined, 'PUT', key)).body.code).toBe(-1125);
    await expect(listen(wsUrl(sim.url, `/ws/${key}`))).rejects.toThrow('400');
  });
});

describe('risk and trade data streams', () => {
  it('status changes follow a price path across the margin-call, pre-liquidation and liquidation bars', async () => {
    const key = String((await listenKey('long-key')).body.listenKey);
    const probe = await listen(wsUrl(sim.url, `/stream?streams=${key}`));
    const status = async () => ((await probe.next((m) => e(m) === 'MARGIN_LEVEL_STATUS_CHANGE')) as { stream: string; data: { l: string; s: string } }).data;
    // 10 BTC against 800,000 USDT: ML 1.25 at 100,000 (bars 2 / 1.5 / 1.1).
    await prices({ BTCUSDT: '125000' });
    expect(await status()).toMatchObject({ s: 'NORMAL', l: '1.56250000' });
    await prices({ BTCUSDT: '100000' });
    expect(await status()).toMatchObject({ s: 'MARGIN_CALL', l: '1.25000000' });
    await prices({ BTCUSDT: '91000' });
    expect(await status()).toMatchObject({ s: 'PRE_LIQUIDATION', l: '1.13750000' });
    await prices({ BTCUSDT: '87000' });
    expect(await status()).toMatchObject({ s: 'FORCE_LIQUIDATION', l: '1.08750000' });
    // The engine then closes the account: the USDT debt is repaid and nothing is owed any more.
    expect(await probe.next((m) => e(m) === 'USER_LIABILITY_CHANGE')).toMatchObject({ stream: key, data: { a: 'USDT', t: 'REPAY', p: '800000.00000000' } });
    expect(await status()).toMatchObject({ s: 'EXCESSIVE', l: '999' });
    probe.close();
  });

  it('a borrow sends USER_LIABILITY_CHANGE on the risk stream and outboundAccountPosition on the trade stream', async () => {
    const risk = String((await listenKey('flat-key')).body.listenKey);
    const trade = String((await listenKey('flat-key', '/sapi/v1/userDataStream')).body.listenKey);
    expect(trade).not.toBe(risk);
    const probe = await listen(wsUrl(sim.url, `/stream?streams=${risk}/${trade}`));
    const k = creds(scenario, 'flat-key');
    const r = await signed(sim.url, k, 'POST', '/sapi/v1/margin/borrow-repay', { asset: 'USDT', amount: '100', type: 'BORROW', isIsolated: 'FALSE' });
    expect(r.status).toBe(200);
    expect(await probe.next((m) => e(m) === 'USER_LIABILITY_CHANGE')).toMatchObject({ stream: risk, data: { a: 'USDT', t: 'BORROW', p: '100.00000000', i: '0.00000000' } });
    const pos = (await probe.next((m) => e(m) === 'outboundAccountPosition')) as { stream: string; data: { B: unknown[]; u: number } };
    expect(pos.stream).toBe(trade);
    expect(pos.data.B).toEqual([{ a: 'USDT', f: '1100.00000000', l: '0.00000000' }]);
    // No debt before, margin level 11 after: still EXCESSIVE, so no status event.
    expect(probe.messages.filter((m) => e(m) === 'MARGIN_LEVEL_STATUS_CHANGE')).toEqual([]);
    probe.close();
  });

  it('a deposit sends balanceUpdate then the new position', async () => {
    const trade = String((await listenKey('flat-key', '/sapi/v1/userDataStream')).body.listenKey);
    const probe = await listen(wsUrl(sim.url, `/ws/${trade}`));
    await control(sim.url, 'POST', 'balances', { email: 'flat@test.example', asset: 'USDT', delta: '250.5' });
    expect(await probe.next((m) => e(m) === 'balanceUpdate')).toMatchObject({ a: 'USDT', d: '250.50000000' });
    expect(await probe.next((m) => e(m) === 'outboundAccountPosition')).toMatchObject({ B: [{ a: 'USDT', f: '1250.50000000', l: '0.00000000' }] });
    probe.close();
  });
});

describe('connection faults and lifetime', () => {
  it('a connection is closed at its maximum life (24 h, compressed here)', async () => {
    await control(sim.url, 'POST', 'streams', { maxConnectionMs: 150 });
    const probe = await listen(wsUrl(sim.url, '/ws/btcusdt@miniTicker'));
    expect(await probe.closed).toBe(1000);
  });

  it('the drop fault cuts connections without a close frame', async () => {
    const probe = await listen(wsUrl(sim.url, '/ws/btcusdt@miniTicker'));
    const r = obj(await control(sim.url, 'POST', 'streams', { drop: true }));
    expect(r.dropped).toBe(1);
    expect(await probe.closed).toBe(1006);
  });
});

describe('Portfolio Margin Pro user data stream', () => {
  it('a key from POST /fapi/v1/listenKey opens only /pm-classic/ws/<key>: the account update on its period with the REST figures, a risk level change when uniMMR crosses a level', async () => {
    const { status, body } = await listenKey('pm-key', '/fapi/v1/listenKey');
    expect(status).toBe(200);
    const key = String(body.listenKey);
    // The futures API knows the key by the API key: PUT names none and answers it; an account without one gets -1125.
    const put = await fetch(`${sim.url}/fapi/v1/listenKey`, { method: 'PUT', headers: { 'X-MBX-APIKEY': creds(scenario, 'pm-key').apiKey } });
    expect(await put.json()).toEqual({ listenKey: key });
    // The futures IP pool (POST and PUT, 1 each; 1 when a new minute began between them), not a /sapi budget.
    expect(put.headers.get('x-mbx-used-weight-1m')).toMatch(/^[12]$/);
    expect(put.headers.get('x-sapi-used-ip-weight-1m')).toBeNull();
    expect((await listenKey('long-key', '/fapi/v1/listenKey', 'PUT')).body.code).toBe(-1125);
    // Binance serves this stream on its PM Pro base only; a margin key does not open there either.
    await expect(listen(wsUrl(sim.url, `/ws/${key}`))).rejects.toThrow('400');
    const margin = String((await listenKey('long-key')).body.listenKey);
    await expect(listen(wsUrl(sim.url, `/pm-classic/ws/${margin}`))).rejects.toThrow('400');

    await control(sim.url, 'POST', 'streams', { pmProUpdateMs: 100 });
    const probe = await listen(wsUrl(sim.url, `/pm-classic/ws/${key}`));
    const update = await probe.next((m) => e(m) === 'PM_PRO_ACCOUNT_UPDATE');
    const rest = obj(await signed(sim.url, creds(scenario, 'pm-key'), 'GET', '/sapi/v1/portfolio/account'));
    expect(update).toMatchObject({ u: '2.50000000', eq: rest.accountEquity, ae: rest.actualEquity, mm: rest.accountMaintMargin, im: rest.accountInitialMargin, avb: rest.totalAvailableBalance });
    expect(rest.uniMMR).toBe('2.50000000');

    // BTC 90,000: equity 100,000 against 80,000, uniMMR 1.25 (margin call at ≤ 1.5).
    await prices({ BTCUSDT: '90000' });
    expect(await probe.next((m) => e(m) === 'riskLevelChange')).toMatchObject({ s: 'MARGIN_CALL', u: '1.25000000', eq: '100000.00000000', m: '80000.00000000' });
    expect(await probe.next((m) => e(m) === 'PM_PRO_ACCOUNT_UPDATE' && (m as { u: string }).u === '1.25000000')).toMatchObject({ eq: '100000.00000000' });
    probe.close();
  });
});
