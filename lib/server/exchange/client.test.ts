import 'server-only';
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docExamples as ex } from '@/lib/schemas/exchange/doc-examples.fixture';
import { createExchangeClient } from './client';
import { SpecialKeyGuard } from './special-key-guard';
import { type FakeBinance, startFakeBinance } from './testing/fake-binance';
import { ExchangeError, SpecialKeyGuardError } from './types';
import { WeightBudget } from './weight-budget';

const SECRET = 'normal-secret-do-not-leak-0123456789';
const SPECIAL_SECRET = 'special-secret-do-not-leak-9876543210';
const normal = { apiKey: 'NORMAL-KEY', keyKind: 'normal' as const, signer: { type: 'HMAC' as const, secret: SECRET } };
const special = { apiKey: 'SPECIAL-KEY', keyKind: 'special' as const, signer: { type: 'HMAC' as const, secret: SPECIAL_SECRET } };

let server: FakeBinance;
beforeEach(async () => {
  server = await startFakeBinance({ secrets: { [normal.apiKey]: SECRET, [special.apiKey]: SPECIAL_SECRET } });
});
afterEach(async () => {
  await server.close();
});

const client = (over: Partial<Parameters<typeof createExchangeClient>[0]> = {}) =>
  createExchangeClient({
    baseUrl: server.baseUrl,
    credentials: normal,
    budget: new WeightBudget(),
    guard: new SpecialKeyGuard(),
    sleep: async () => {},
    ...over,
  });

describe('signed requests', () => {
  it('syncs the clock, signs, sends the key header and parses the documented answer', async () => {
    server.script('GET /sapi/v1/margin/account', { body: ex.marginAccount });
    const c = client();
    const account = await c.getMarginAccount();
    expect(account.marginLevel).toBe('11.64405625');
    expect(account.userAssets[1]?.borrowed).toBe('201.66666672');

    expect(server.received.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v3/time', 'GET /sapi/v1/margin/account']);
    const sent = server.received[1]!;
    expect(sent.apiKey).toBe('NORMAL-KEY');
    expect(sent.query.get('recvWindow')).toBe('5000');
    expect(Math.abs(Number(sent.query.get('timestamp')) - Date.now())).toBeLessThan(5000);
    const payload = sent.rawQuery.slice(0, sent.rawQuery.lastIndexOf('&signature='));
    expect(sent.query.get('signature')).toBe(createHmac('sha256', SECRET).update(payload).digest('hex'));
    expect(server.received[0]!.apiKey).toBeUndefined(); // public endpoint: no key header

    expect(c.stats()).toMatchObject({
      requests: 2,
      weightByEndpoint: { 'GET /api/v3/time': 1, 'GET /sapi/v1/margin/account': 10 },
      weightByScope: { API_IP: 1, SAPI_IP: 10, SAPI_UID: 0, FAPI_IP: 0 },
    });
  });

  it('on -1021 resyncs the clock and retries once, with the corrected timestamp', async () => {
    const skew = 30_000;
    server.script('GET /api/v3/time', { body: { serverTime: Date.now() } }, { body: { serverTime: Date.now() + skew } });
    server.script('GET /sapi/v1/margin/tradeCoeff', { status: 400, body: { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' } }, { body: ex.tradeCoeff });
    const c = client();
    expect(await c.getMarginTradeCoeff()).toEqual(ex.tradeCoeff);
    const calls = server.received.filter((r) => r.path === '/sapi/v1/margin/tradeCoeff');
    expect(calls).toHaveLength(2);
    expect(server.countOf('GET /api/v3/time')).toBe(2);
    expect(Number(calls[1]!.query.get('timestamp')) - Number(calls[0]!.query.get('timestamp'))).toBeGreaterThan(skew - 5000);
    expect(c.stats().resyncs).toBe(1);
  });

  it('resyncs only once: a second -1021 is reported as clock skew', async () => {
    const e1021 = { status: 400, body: { code: -1021, msg: 'Timestamp outside recvWindow' } };
    server.script('GET /sapi/v1/margin/tradeCoeff', e1021, e1021, e1021);
    const err = await client().getMarginTradeCoeff().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExchangeError);
    expect((err as ExchangeError).code).toBe(-1021);
    expect((err as ExchangeError).message).toMatch(/clock skew/);
    expect(server.countOf('GET /sapi/v1/margin/tradeCoeff')).toBe(2);
  });

  it('re-sends a write after -1021 (it was rejected, not executed)', async () => {
    server.script('POST /sapi/v1/margin/exit-special-key-mode', { status: 400, body: { code: -1021, msg: 'x' } }, { body: {} });
    await expect(client().exitSpecialKeyMode()).resolves.toEqual({});
    expect(server.countOf('POST /sapi/v1/margin/exit-special-key-mode')).toBe(2);
  });

  it('signs with the secret the exchange checks: a wrong secret gets -1022 and a message that says so', async () => {
    server.script('GET /sapi/v1/account/apiRestrictions', { body: ex.apiRestrictions });
    const wrong = { ...normal, signer: { type: 'HMAC' as const, secret: 'wrong-secret-also-private' } };
    const err = (await client({ credentials: wrong }).getApiRestrictions().catch((e: unknown) => e)) as ExchangeError;
    expect(err.code).toBe(-1022);
    expect(err.message).toMatch(/check the secret/);
    expect(err.message).not.toContain('wrong-secret-also-private');
  });
});

describe('SpecialKeyGuard in the client', () => {
  it('refuses a special key on /sapi before any request is sent — not even the clock sync', async () => {
    const c = client({ credentials: special });
    await expect(c.getMarginAccount()).rejects.toBeInstanceOf(SpecialKeyGuardError);
    await expect(c.getSpecialKeyList()).rejects.toBeInstanceOf(SpecialKeyGuardError);
    await expect(c.getPriceIndex('BTCUSDT')).rejects.toBeInstanceOf(SpecialKeyGuardError); // unsigned /sapi too
    expect(server.received).toHaveLength(0);
    expect(c.stats().requests).toBe(0);
  });

  it('lets a special key trade on /api', async () => {
    server.script('POST /api/v3/order', { body: ex.newOrderAck });
    const order = await client({ credentials: special }).placeOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.001' });
    expect(order.orderId).toBe(28);
    expect(server.countOf('POST /api/v3/order')).toBe(1);
  });

  it('remembers every key the exchange lists as special: later clients holding it as "normal" are refused', async () => {
    const guard = new SpecialKeyGuard();
    server.script('GET /sapi/v1/margin/api-key-list', { body: [{ apiName: 'hft', apiKey: 'LEAKED-AS-NORMAL', ip: '1.2.3.4', type: 'HMAC_SHA256' }] });
    await client({ guard }).getSpecialKeyList();
    const mislabelled = { ...normal, apiKey: 'LEAKED-AS-NORMAL' };
    const before = server.received.length;
    await expect(client({ guard, credentials: mislabelled }).getMarginAccount()).rejects.toBeInstanceOf(SpecialKeyGuardError);
    expect(server.received.length).toBe(before);
  });
});

describe('responses', () => {
  it('reads an empty liquidation-loan body as "no loan"', async () => {
    server.script('GET /sapi/v1/margin/liquidation-loan', { raw: '' }, { body: ex.liquidationLoan });
    const c = client();
    expect(await c.getLiquidationLoan()).toBeNull();
    expect(await c.getLiquidationLoan()).toMatchObject({ remainingAmount: '700.00000000' });
  });

  it('keeps every digit of a tranId above 2^53', async () => {
    server.script('POST /sapi/v1/portfolio/repay', { raw: '{"tranId":58203331886213504}' });
    expect(await client().repayPortfolioLoan()).toEqual({ tranId: '58203331886213504' });
  });

  it('rejects an answer that does not match the documented shape, naming the field but not its value', async () => {
    server.script('POST /sapi/v1/margin/apiKey', { body: { apiKey: 'k', secretKey: 'TOP-SECRET-NEW-KEY', type: 42 } });
    const err = (await client().createSpecialKey({ apiName: 'x' }).catch((e: unknown) => e)) as ExchangeError;
    expect(err.code).toBe('BAD_RESPONSE');
    expect(err.message).toContain('type');
    expect(err.message).not.toContain('TOP-SECRET-NEW-KEY');
  });

  it.each([
    [-2015, 'Invalid API-key, IP, or permissions for action.', /IP is not whitelisted|no margin permission/],
    [-2014, 'API-key format invalid.', /copied whole/],
    [-1002, 'You are not authorized to execute this request.', /no permission/],
  ])('maps %i to an actionable message', async (code, msg, expected) => {
    server.script('GET /sapi/v1/margin/account', { status: 401, body: { code, msg } });
    const err = (await client().getMarginAccount().catch((e: unknown) => e)) as ExchangeError;
    expect(err.code).toBe(code);
    expect(err.httpStatus).toBe(401);
    expect(err.message).toMatch(expected);
    expect(err.exchangeMessage).toBe(msg);
    expect(err.retryable).toBe(false);
    expect(server.countOf('GET /sapi/v1/margin/account')).toBe(1); // an auth error is not retried
  });

  it('never exposes the secret through errors or stats', async () => {
    server.script('GET /sapi/v1/margin/account', { status: 400, body: { code: -1022, msg: 'bad sig' } });
    const c = client();
    const err = await c.getMarginAccount().catch((e: unknown) => e);
    const dump = JSON.stringify({ err, message: (err as Error).message, stack: (err as Error).stack, stats: c.stats(), keys: Object.keys(c) });
    expect(dump).not.toContain(SECRET);
  });
});

describe('named methods send Binance’s parameter names', () => {
  it.each([
    ['getSubAccountList', (c: ReturnType<typeof client>) => c.getSubAccountList(3), 'GET /sapi/v1/sub-account/list', { page: '3', limit: '200' }, ex.subAccountList],
    ['deleteSpecialKey', (c: ReturnType<typeof client>) => c.deleteSpecialKey('K1', 'BTCUSDT'), 'DELETE /sapi/v1/margin/apiKey', { apiKey: 'K1', symbol: 'BTCUSDT' }, {}],
    ['getSpecialKeyList', (c: ReturnType<typeof client>) => c.getSpecialKeyList(), 'GET /sapi/v1/margin/api-key-list', {}, ex.specialKeyList],
    ['getSubAccountMarginAccount', (c: ReturnType<typeof client>) => c.getSubAccountMarginAccount('a@b.c'), 'GET /sapi/v1/sub-account/margin/account', { email: 'a@b.c' }, ex.subAccountMarginAccount],
    ['getTickerPrices', (c: ReturnType<typeof client>) => c.getTickerPrices(['BTCUSDT', 'ETHUSDT']), 'GET /api/v3/ticker/price', { symbols: '["BTCUSDT","ETHUSDT"]' }, ex.tickerPrices],
  ] as const)('%s', async (_name, call, route, expected, answer) => {
    server.script(route, { body: answer });
    await call(client());
    const sent = server.received.find((r) => `${r.method} ${r.path}` === route)!;
    for (const [k, v] of Object.entries(expected)) expect(sent.query.get(k)).toBe(v);
    expect(sent.query.has('symbol') && !('symbol' in expected)).toBe(false); // undefined params are not sent
  });

  it('counts the ticker weight by its parameters (2 for one symbol, 4 for several)', async () => {
    server.script('GET /api/v3/ticker/price', { body: ex.tickerPrice }, { body: ex.tickerPrices });
    const c = client();
    await c.getTickerPrices(['LTCBTC']);
    await c.getTickerPrices(['LTCBTC', 'ETHBTC']);
    expect(c.stats().weightByEndpoint['GET /api/v3/ticker/price']).toBe(6);
  });
});

describe('the futures host (Portfolio Margin Pro listen keys)', () => {
  it('sends the PM Pro listen-key calls to fapi.binance.com for Binance, key header only, PUT and DELETE without a listenKey', async () => {
    const sent: Array<{ url: string; method: string; apiKey: string | undefined }> = [];
    const capture: typeof fetch = async (input, init) => {
      sent.push({ url: String(input), method: init?.method ?? 'GET', apiKey: (init?.headers as Record<string, string>)['X-MBX-APIKEY'] });
      return new Response(JSON.stringify({ listenKey: 'PM-KEY' }), { status: 200, headers: { 'content-type': 'application/json', 'x-mbx-used-weight-1m': '7' } });
    };
    const budget = new WeightBudget();
    const c = createExchangeClient({ baseUrl: 'https://api.binance.com', credentials: normal, budget, guard: new SpecialKeyGuard(), fetch: capture });
    expect(await c.createListenKey('pmPro')).toEqual({ listenKey: 'PM-KEY' });
    await c.keepAliveListenKey('pmPro', 'PM-KEY');
    await c.closeListenKey('pmPro', 'PM-KEY');
    expect(sent).toEqual([
      { url: 'https://fapi.binance.com/fapi/v1/listenKey', method: 'POST', apiKey: 'NORMAL-KEY' },
      { url: 'https://fapi.binance.com/fapi/v1/listenKey', method: 'PUT', apiKey: 'NORMAL-KEY' },
      { url: 'https://fapi.binance.com/fapi/v1/listenKey', method: 'DELETE', apiKey: 'NORMAL-KEY' },
    ]);
    // Counted in the futures host's own IP budget, never in the spot /api pool.
    expect(budget.snapshot().map((b) => [b.bucket, b.used, b.limit])).toEqual([['https://fapi.binance.com FAPI_IP', 7, 2400]]);
    expect(c.stats().weightByScope).toMatchObject({ FAPI_IP: 3, API_IP: 0 });
  });
});
