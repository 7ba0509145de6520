import 'server-only';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docExamples as ex } from '@/lib/schemas/exchange/doc-examples.fixture';
import { createExchangeClient } from './client';
import { SpecialKeyGuard } from './special-key-guard';
import { type FakeBinance, startFakeBinance } from './testing/fake-binance';
import { ExchangeError, RateLimitedError, TimeoutError } from './types';
import { WeightBudget } from './weight-budget';

const SECRET = 'fault-tests-secret';
const creds = { apiKey: 'KEY', keyKind: 'normal' as const, signer: { type: 'HMAC' as const, secret: SECRET } };

// Fake time: only moves when the client or the budget sleeps. The HTTP server is real.
function fakeClock() {
  const c = {
    t: Date.now(),
    sleeps: [] as number[],
    now: () => c.t,
    sleep: async (ms: number) => {
      c.sleeps.push(ms);
      c.t += ms;
    },
  };
  return c;
}

let server: FakeBinance;
let clock: ReturnType<typeof fakeClock>;
beforeEach(async () => {
  clock = fakeClock();
  server = await startFakeBinance({ secrets: { KEY: SECRET }, serverTime: () => clock.t });
});
afterEach(async () => {
  await server.close();
});

const client = (over: Partial<Parameters<typeof createExchangeClient>[0]> = {}) =>
  createExchangeClient({
    baseUrl: server.baseUrl,
    credentials: creds,
    budget: new WeightBudget({ now: clock.now, sleep: clock.sleep }),
    guard: new SpecialKeyGuard(),
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    ...over,
  });

const ACCOUNT = 'GET /sapi/v1/margin/account';
const too429 = (retryAfter: string) => ({ status: 429, headers: { 'Retry-After': retryAfter }, body: { code: -1003, msg: 'Too many requests.' } });

describe('429 with Retry-After', () => {
  it('waits out Retry-After (fake time), then succeeds — one retry, never hammering into a 418', async () => {
    server.script(ACCOUNT, too429('7'), { body: ex.marginAccount });
    const c = client();
    await c.getMarginAccount();
    const attempts = server.received.filter((r) => `${r.method} ${r.path}` === ACCOUNT);
    expect(attempts).toHaveLength(2);
    // The retry left no earlier than 7 s (fake) after the 429.
    expect(Number(attempts[1]!.query.get('timestamp')) - Number(attempts[0]!.query.get('timestamp'))).toBeGreaterThanOrEqual(7000);
    expect(clock.sleeps).toContain(7000);
    expect(c.stats()).toMatchObject({ rateLimited429: 1, banned418: 0, retries: 1 });
  });

  it('holds every other call of that scope too, while other scopes go on', async () => {
    server.script(ACCOUNT, too429('30'), { body: ex.marginAccount });
    server.script('GET /sapi/v1/margin/tradeCoeff', { body: ex.tradeCoeff });
    const budget = new WeightBudget({ now: clock.now, sleep: clock.sleep });
    const a = client({ budget, maxRetries: 0 });
    await expect(a.getMarginAccount()).rejects.toBeInstanceOf(RateLimitedError);
    const blockedAt = clock.t;
    const b = client({ budget }); // another client, same process-wide budget
    await b.getMarginTradeCoeff(); // different /sapi endpoint: its own budget, not blocked
    expect(clock.t).toBe(blockedAt);
    await b.getMarginAccount(); // same scope: waits out the 30 s first
    expect(clock.t - blockedAt).toBeGreaterThanOrEqual(30_000);
    expect(server.countOf(ACCOUNT)).toBe(2);
  });

  it('does not re-send a write after a 429; it reports when to try again', async () => {
    server.script('POST /sapi/v1/margin/exit-special-key-mode', too429('12'));
    const err = (await client().exitSpecialKeyMode().catch((e: unknown) => e)) as RateLimitedError;
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.retryAt).toBe(clock.t + 12_000);
    expect(err.message).toMatch(/too many requests — backing off until \d{4}-/);
    expect(server.countOf('POST /sapi/v1/margin/exit-special-key-mode')).toBe(1);
  });
});

describe('418 ban', () => {
  it('is never retried and pauses every endpoint of that exchange until Retry-After', async () => {
    server.script(ACCOUNT, { status: 418, headers: { 'Retry-After': '120' }, body: { code: -1003, msg: 'Way too many requests; IP banned.' } });
    server.script('GET /sapi/v1/margin/tradeCoeff', { body: ex.tradeCoeff });
    const c = client();
    const err = (await c.getMarginAccount().catch((e: unknown) => e)) as RateLimitedError;
    expect(err.banned).toBe(true);
    expect(err.code).toBe('IP_BANNED');
    expect(server.countOf(ACCOUNT)).toBe(1);
    const bannedAt = clock.t;
    await c.getMarginTradeCoeff();
    expect(clock.t - bannedAt).toBeGreaterThanOrEqual(120_000);
    expect(c.stats().banned418).toBe(1);
  });
});

describe('5xx', () => {
  it('a burst on a GET is retried with jittered backoff until it succeeds', async () => {
    server.script(ACCOUNT, { status: 503, body: { code: -1001, msg: 'Internal error; unable to process your request.' } }, { status: 502, raw: '<html>bad gateway</html>' }, { status: 500, raw: '' }, { body: ex.marginAccount });
    const c = client();
    await expect(c.getMarginAccount()).resolves.toMatchObject({ accountType: 'MARGIN_1' });
    expect(server.countOf(ACCOUNT)).toBe(4);
    expect(clock.sleeps).toEqual([188, 375, 750]); // random() = 0.5 → 75 % of 250, 500, 1000 ms
    expect(c.stats().retries).toBe(3);
  });

  it('gives up after 3 retries and says the outcome is unknown', async () => {
    const e503 = { status: 503, raw: 'Service Unavailable' };
    server.script(ACCOUNT, e503, e503, e503, e503, { body: ex.marginAccount });
    const err = (await client().getMarginAccount().catch((e: unknown) => e)) as ExchangeError;
    expect(err.code).toBe('SERVER_ERROR');
    expect(err.retryable).toBe(true);
    expect(server.countOf(ACCOUNT)).toBe(4);
  });

  it('a POST is never re-sent: it throws, and the caller re-reads state', async () => {
    server.script('POST /sapi/v1/margin/exit-special-key-mode', { status: 503, raw: '' }, { body: {} });
    const err = (await client().exitSpecialKeyMode().catch((e: unknown) => e)) as ExchangeError;
    expect(err).toBeInstanceOf(ExchangeError);
    expect(err.message).toMatch(/re-read/);
    expect(server.countOf('POST /sapi/v1/margin/exit-special-key-mode')).toBe(1);
  });

  it('a DELETE is never re-sent either', async () => {
    server.script('DELETE /sapi/v1/margin/apiKey', { status: 500, raw: '' }, { body: {} });
    await expect(client().deleteSpecialKey('K')).rejects.toBeInstanceOf(ExchangeError);
    expect(server.countOf('DELETE /sapi/v1/margin/apiKey')).toBe(1);
  });
});

describe('timeouts', () => {
  it('a GET that never answers times out and is retried, then fails with TimeoutError', async () => {
    server.script(ACCOUNT, { hang: true }, { hang: true });
    const err = (await client({ timeoutMs: 50, maxRetries: 1 }).getMarginAccount().catch((e: unknown) => e)) as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.retryable).toBe(true);
    expect(server.countOf(ACCOUNT)).toBe(2);
  });

  it('a GET that times out once then answers succeeds', async () => {
    server.script(ACCOUNT, { hang: true }, { body: ex.marginAccount });
    await expect(client({ timeoutMs: 50 }).getMarginAccount()).resolves.toMatchObject({ marginLevel: '11.64405625' });
    expect(server.countOf(ACCOUNT)).toBe(2);
  });

  it('a POST that times out is not re-sent and says its outcome is unknown', async () => {
    server.script('POST /sapi/v1/margin/liquidation-loan/repay', { hang: true }, { body: ex.liquidationLoanRepay });
    const err = (await client({ timeoutMs: 50 }).repayLiquidationLoan('USDC', '10').catch((e: unknown) => e)) as TimeoutError;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/may or may not have acted/);
    expect(server.countOf('POST /sapi/v1/margin/liquidation-loan/repay')).toBe(1);
  });
});

describe('weight budget in the client', () => {
  it('waits for the next minute instead of crossing 80 % of the limit the exchange reports', async () => {
    const nearCap = { 'X-SAPI-USED-IP-WEIGHT-1M': '9595' }; // 12000 × 80 % = 9600; the next call costs 10
    server.script(ACCOUNT, { body: ex.marginAccount, headers: nearCap }, { body: ex.marginAccount, headers: { 'X-SAPI-USED-IP-WEIGHT-1M': '10' } });
    const c = client();
    await c.getMarginAccount();
    const before = clock.t;
    await c.getMarginAccount();
    const windowEnd = Math.floor(before / 60_000) * 60_000 + 60_000;
    expect(clock.t).toBe(windowEnd);
    expect(server.countOf(ACCOUNT)).toBe(2);
    expect(c.stats().rateLimited429).toBe(0);
  });

  it('counts UID-scoped endpoints per account', async () => {
    server.script('GET /sapi/v1/margin/api-key-list', { body: [], headers: { 'X-SAPI-USED-UID-WEIGHT-1M': '144000' } }, { body: [] });
    const budget = new WeightBudget({ now: clock.now, sleep: clock.sleep });
    await client({ budget, accountId: 'sub-1' }).getSpecialKeyList();
    await client({ budget, accountId: 'sub-2' }).getSpecialKeyList(); // another account: its own budget
    expect(clock.sleeps).toEqual([]);
  });
});

describe('network failure', () => {
  it('a refused connection on a GET is retried, then reported with the cause', async () => {
    const url = server.baseUrl;
    await server.close();
    const err = (await client({ baseUrl: url, maxRetries: 2 }).serverTime().catch((e: unknown) => e)) as ExchangeError;
    expect(err.code).toBe('NETWORK');
    expect(err.message).toMatch(/could not reach the exchange \(ECONNREFUSED\)/);
    expect(clock.sleeps).toHaveLength(2);
    server = await startFakeBinance(); // for afterEach
  });

  it('a refused connection is known not to have sent anything, even for a POST', async () => {
    const c = client({ maxRetries: 0 });
    await c.serverTime(); // the clock is synced while the exchange is up, as in the exit step
    await server.close();
    const err = (await c.exitSpecialKeyMode().catch((e: unknown) => e)) as ExchangeError;
    expect(err).toMatchObject({ code: 'NETWORK', neverSent: true });
    expect(err.message).toMatch(/ECONNREFUSED\) — nothing was sent$/);
    server = await startFakeBinance(); // for afterEach
  });
});
