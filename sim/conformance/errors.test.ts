import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UNPUBLISHED_CODES } from '../errors';
import { signed } from '../testing/client';
import { creds } from '../testing/scenarios';
import { CLIENTS, driver, driverFor } from './clients';
import { type Harness, openHarness } from './setup';

/*
 * The error paths, as Binance publishes them, through the same three outside clients. Codes and HTTP statuses
 * from the Spot API "Error Codes" page (-1xxx, -2xxx), the margin error codes (-3xxx) and the Portfolio Margin
 * error codes (-21xxx); rate limits from Spot API "LIMITS". The simulator's own codes (UNPUBLISHED_CODES) are
 * never asserted here by number.
 */
let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.sim.close());
beforeEach(() => h.reset());

const d = (client: (typeof CLIENTS)[number], key: string) => driver(client, h.sim.url, h.scenario, key);

describe.each(CLIENTS)('%s: Binance\'s published error answers', (client) => {
  it('-1021 when the client\'s clock is behind the exchange by more than recvWindow ("Timing security")', async () => {
    await h.moveClock(120_000);
    expect(await d(client, 'alpha-monitor').signed('GET', '/sapi/v1/margin/account')).toMatchObject({ ok: false, code: -1021 });
  });

  it('-1022 for a request signed with the wrong secret ("SIGNED Endpoint security")', async () => {
    const wrong = { ...creds(h.scenario, 'alpha-monitor'), secretKey: 'x'.repeat(64) };
    expect(await driverFor(client, h.sim.url, wrong).signed('GET', '/sapi/v1/margin/account')).toMatchObject({ ok: false, code: -1022 });
  });

  it('-1102 for a mandatory parameter left out ("Liquidation Loan Repay (MARGIN)": amount is mandatory)', async () => {
    const out = await d(client, 'delta-monitor').signed('POST', '/sapi/v1/margin/liquidation-loan/repay', { asset: 'USDC' });
    expect(out).toMatchObject({ ok: false, code: -1102 });
    expect(JSON.stringify(out.body)).toContain("'amount'");
  });

  it('-2015 for a Reading-only key on the TRADE special-key endpoints ("Query Special key List (TRADE)", connector-js trade-api.ts)', async () => {
    const reader = d(client, 'alpha-reader-conformance');
    expect(await reader.signed('GET', '/sapi/v1/margin/account')).toMatchObject({ ok: true });
    expect(await reader.signed('GET', '/sapi/v1/margin/api-key-list')).toMatchObject({ ok: false, code: -2015 });
    expect(await reader.signed('GET', '/sapi/v1/margin/apiKey', { apiKey: creds(h.scenario, 'alpha-hft-01').apiKey })).toMatchObject({ ok: false, code: -2015 });
    expect(await reader.signed('POST', '/sapi/v1/margin/exit-special-key-mode')).toMatchObject({ ok: false, code: -2015 });
  });

  it('-1002 for a sub-account key on a master-only endpoint ("Query Sub-account List (For Master Account)")', async () => {
    expect(await d(client, 'alpha-monitor').signed('GET', '/sapi/v1/sub-account/list')).toMatchObject({ ok: false, code: -1002 });
  });

  it('-3003 for margin reads of an account without a margin wallet (margin error codes: "Margin account does not exist")', async () => {
    const none = d(client, 'nomargin-trading');
    expect(await none.signed('GET', '/sapi/v1/margin/account')).toMatchObject({ ok: false, code: -3003 });
    expect(await none.signed('GET', '/sapi/v1/margin/liquidation-loan')).toMatchObject({ ok: false, code: -3003 });
    expect(await none.signed('GET', '/api/v3/account')).toMatchObject({ ok: true, body: { balances: [{ asset: 'USDT', free: '10.00000000' }] } });
  });

  it('-21001 / -21004 from Portfolio Margin Pro endpoints (Portfolio Margin error codes)', async () => {
    expect(await d(client, 'alpha-monitor').signed('GET', '/sapi/v1/portfolio/account')).toMatchObject({ ok: false, code: -21001 });
    expect(await d(client, 'echo-monitor').signed('POST', '/sapi/v1/portfolio/repay', { from: 'SPOT' })).toMatchObject({ ok: false, code: -21004 });
  });

  it('a LiquidationLoan is repaid from the spot wallet only: more than spot holds is refused, and the spot balance pays ("Liquidation Loan Repay (MARGIN)")', async () => {
    const delta = d(client, 'delta-monitor');
    const refused = await delta.signed('POST', '/sapi/v1/margin/liquidation-loan/repay', { asset: 'USDC', amount: '150000.01' });
    expect(refused).toMatchObject({ ok: false });
    expect(await delta.signed('POST', '/sapi/v1/margin/liquidation-loan/repay', { asset: 'USDC', amount: '100000' })).toMatchObject({ ok: true });
    expect(await delta.signed('GET', '/api/v3/account')).toMatchObject({ body: { balances: [{ asset: 'USDC', free: '50000.00000000' }] } });
    // The spot wallet holds no USDT; the margin wallet's 25,000 USDT do not count: -3041.
    expect(await delta.signed('POST', '/sapi/v1/margin/liquidation-loan/repay', { asset: 'USDT', amount: '10' })).toMatchObject({ ok: false, code: -3041 });
  });

  it('a refusal Binance publishes no code for comes back as one of the simulator\'s own codes, never a Binance one', async () => {
    const out = await d(client, 'bravo-monitor').signed('POST', '/sapi/v1/margin/exit-special-key-mode');
    expect(out.ok).toBe(false);
    expect(UNPUBLISHED_CODES.has(out.code!)).toBe(true);
  });
});

describe('rate limits (Spot API "LIMITS": 429 with Retry-After, then 418 for a client that keeps calling)', () => {
  it.each(['connector', 'ccxt'] as const)('%s sees 429 with Retry-After, then 418 when it calls again inside the back-off', async (client) => {
    await h.faults({ force429: { path: '/sapi/v1/margin/account', count: 1, retryAfterSec: 30 } });
    const alpha = d(client, 'alpha-monitor');
    const first = await alpha.signed('GET', '/sapi/v1/margin/account');
    expect(first).toMatchObject({ ok: false, code: -1003 });
    expect(first.headers['retry-after']).toBe('30');
    // A second later on the exchange's clock (a request within 0.5 s counts as already in flight).
    await h.moveClock(1_000);
    const second = await alpha.signed('GET', '/sapi/v1/margin/account');
    expect(second).toMatchObject({ ok: false, code: -1003 });
    expect(JSON.stringify(second.body)).toContain('banned');
  });
});

describe('parameters and timing, as the Spot API "General API Information" and "Timing security" pages allow', () => {
  const body = (a: { body: unknown }) => a.body as Record<string, unknown>;

  it('the same parameter in the query and the form body: the query\'s value is used', async () => {
    const delta = creds(h.scenario, 'delta-monitor');
    // Our small signer puts every parameter in the query; `asset` is sent again in the body with another value.
    const ts = Date.now();
    const payloadQuery = `asset=USDC&amount=10&recvWindow=5000&timestamp=${ts}`;
    const payloadBody = 'asset=USDT';
    const { signPayload } = await import('../testing/client');
    const sig = signPayload(delta, payloadQuery + payloadBody);
    const res = await fetch(`${h.sim.url}/sapi/v1/margin/liquidation-loan/repay?${payloadQuery}&signature=${sig}`, {
      method: 'POST',
      headers: { 'X-MBX-APIKEY': delta.apiKey, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: payloadBody,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ asset: 'USDC', amount: '10.00000000' });
  });

  it('recvWindow with decimals (microsecond precision) and a timestamp in microseconds are accepted', async () => {
    const alpha = creds(h.scenario, 'alpha-monitor');
    const decimals = await signed(h.sim.url, alpha, 'GET', '/sapi/v1/margin/tradeCoeff', {}, { recvWindow: 5000.5 });
    expect([decimals.status, body(decimals).normalBar]).toEqual([200, '2']);
    const micros = await signed(h.sim.url, alpha, 'GET', '/sapi/v1/margin/tradeCoeff', {}, { timestamp: Date.now() * 1000 + 123 });
    expect(micros.status).toBe(200);
    const stale = await signed(h.sim.url, alpha, 'GET', '/sapi/v1/margin/tradeCoeff', {}, { timestamp: (Date.now() - 10_000) * 1000 });
    expect(body(stale).code).toBe(-1021);
  });

  it('POST /api/v3/order answers ACK, RESULT or FULL and counts orders in X-MBX-ORDER-COUNT-10S / -1D ("New order (TRADE)")', async () => {
    const hft = d('connector', 'alpha-hft-01');
    const order = { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.1' };
    const full = await hft.signed('POST', '/api/v3/order', order);
    expect(full.body).toMatchObject({ status: 'NEW', fills: [] });
    expect([full.headers['x-mbx-order-count-10s'], full.headers['x-mbx-order-count-1d']]).toEqual(['1', '1']);
    const ack = await hft.signed('POST', '/api/v3/order', { ...order, newOrderRespType: 'ACK' });
    expect(Object.keys(ack.body as object).sort()).toEqual(['clientOrderId', 'orderId', 'orderListId', 'symbol', 'transactTime']);
    expect(ack.headers['x-mbx-order-count-10s']).toBe('2');
    const result = await hft.signed('POST', '/api/v3/order', { ...order, newOrderRespType: 'RESULT' });
    expect(result.body).toMatchObject({ status: 'NEW' });
    expect(result.body).not.toHaveProperty('fills');
  });
});
