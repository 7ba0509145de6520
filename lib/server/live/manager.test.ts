import Decimal from 'decimal.js';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveAccount, LiveMessage } from '@/lib/contracts/live';
import { loadScenario } from '@/sim/scenario';
import { control, obj, signed } from '@/sim/testing/client';
import { creds } from '@/sim/testing/scenarios';
import { livePoints, refreshRuns } from '../db/schema';
import { demoRefreshed, email } from '../views/demo-refresh.test-support';
import { LiveHistoryWriter } from './history-writer';
import { DEFAULT_LIVE_OPTIONS, LiveManager } from './manager';

/*
 * The stream manager against the real simulator and database: one real refresh of the demo, then streams.
 * desk-alpha holds 118 BTC, 1,500 ETH and 1,000,000 USDT against 7,000,000 USDT borrowed (bars 2 / 1.5 / 1.1).
 * desk-echo (PM Pro) holds 80 BTC, 1,000 ETH and 500,000 USDT against 10,500,000 USDT borrowed, maintenance
 * margin 9 % of it: uniMMR 1.23 (margin call at ≤ 1.5, reduce-only ≤ 1.2, liquidation ≤ 1.05 in the simulator).
 */
let env: Awaited<ReturnType<typeof demoRefreshed>>;
let manager: LiveManager;
let messages: LiveMessage[];
const alpha = email('desk-alpha');
const echo = email('desk-echo');
/** Market, one cross user-stream connection, and one per PM Pro account with a stored key (desk-echo, desk-foxtrot). */
const CONNECTIONS = 4;

beforeAll(async () => {
  env = await demoRefreshed();
}, 60_000);
afterAll(() => env.close());
beforeEach(async () => {
  await control(env.sim.url, 'POST', 'reset');
  manager = new LiveManager(env.masterId, { ...DEFAULT_LIVE_OPTIONS, backoff: { baseMs: 200, capMs: 1_000 } });
  await manager.start();
  messages = [];
  manager.subscribe((m) => messages.push(m));
  // Live once the streams are open: the simulator counts the connections.
  await vi.waitFor(async () => expect(obj(await control(env.sim.url, 'GET', 'streams')).connections).toBe(CONNECTIONS), { timeout: 10_000 });
});
afterEach(() => manager.stop());

const seen = (who: string): LiveAccount[] =>
  messages.flatMap((m) => (m.type === 'accounts' ? m.accounts : m.type === 'hello' ? m.accounts : [])).filter((a) => a.email === who);
/** desk-echo's uniMMR as Binance's REST answer gives it: the figure its PM Pro stream pushes too. */
const restUniMMR = async () => String(obj(await signed(env.sim.url, creds(await loadScenario('demo'), 'echo-monitor'), 'GET', '/sapi/v1/portfolio/account')).uniMMR);
const requestsSince = async (since: number) => obj(await control(env.sim.url, 'GET', `requests?since=${since}`)).requests as Array<{ method: string; path: string; account?: string; status: number }>;
/** Both volatile assets at a fraction of the demo's prices (BTC 97,000, ETH 3,400). */
const at = (f: number) => ({ BTCUSDT: String(97_000 * f), ETHUSDT: String(3_400 * f) });

describe('live risk from the streams', () => {
  it('a price path moves desk-alpha across its margin-call and liquidation bars and the live status follows each crossing', async () => {
    const started = Date.now();
    expect(manager.view(alpha)).toMatchObject({ status: 'NORMAL', marginLevel: expect.stringMatching(/^2\.53/) });
    await control(env.sim.url, 'POST', 'price-path', { steps: [at(0.7), at(0.55), at(0.38)], intervalMs: 400 });
    await vi.waitFor(() => expect(manager.view(alpha)?.status).toBe('NO_DEBT'), { timeout: 10_000 });
    const statuses = seen(alpha).map((a) => a.status).filter((s, i, all) => s !== all[i - 1]);
    expect(statuses).toEqual(['NORMAL', 'MARGIN_CALL', 'LIQUIDATING', 'NO_DEBT']);
    // The crossings shown are the exchange's own pushed statuses, which win over ours.
    expect(seen(alpha).find((a) => a.status === 'LIQUIDATING')).toMatchObject({ statusSource: 'exchange', reportedMarginLevel: expect.stringMatching(/^1\.0/) });
    // Between refreshes, prices cost no REST weight: nothing but the streams moved these figures.
    expect((await requestsSince(started)).filter((r) => r.path === '/api/v3/ticker/price')).toEqual([]);
  }, 20_000);

  it('a liability event changes the owed figure without a refresh', async () => {
    const before = manager.view(alpha)!;
    const runs = (await env.database.db.select().from(refreshRuns)).length;
    const scenario = await loadScenario('demo');
    const r = await signed(env.sim.url, creds(scenario, 'alpha-trading'), 'POST', '/sapi/v1/margin/borrow-repay', { asset: 'USDT', amount: '100000', type: 'BORROW', isIsolated: 'FALSE' });
    expect(r.status).toBe(200);
    await vi.waitFor(() => expect(manager.view(alpha)!.liabilitiesUsd).not.toBe(before.liabilitiesUsd), { timeout: 5_000 });
    expect(new Decimal(manager.view(alpha)!.liabilitiesUsd).minus(before.liabilitiesUsd).toString()).toBe('100000');
    // The borrowed USDT sits in the wallet too (outboundAccountPosition): equity is unchanged.
    await vi.waitFor(() => expect(manager.view(alpha)!.equityUsd).toBe(before.equityUsd), { timeout: 5_000 });
    expect((await env.database.db.select().from(refreshRuns)).length).toBe(runs);
  });

  it('a dropped connection is shown delayed, then recovered with a REST resync', async () => {
    const dropAt = Date.now();
    expect(obj(await control(env.sim.url, 'POST', 'streams', { drop: true })).dropped).toBe(CONNECTIONS);
    await vi.waitFor(() => expect(seen(alpha).some((a) => a.delayedSince !== null)).toBe(true), { timeout: 5_000 });
    await vi.waitFor(() => expect(manager.view(alpha)?.delayedSince).toBeNull(), { timeout: 10_000 });
    expect(manager.market.state).toBe('live');
    const paths = (await requestsSince(dropAt)).map((r) => `${r.method} ${r.path} ${r.account ?? ''}`);
    expect(paths).toContain(`GET /sapi/v1/margin/account ${alpha}`);
    expect(paths).toContain('GET /api/v3/ticker/price ');
    // Every message between the drop and the recovery labelled alpha delayed: nothing stale was called live.
    const after = seen(alpha).slice(seen(alpha).findIndex((a) => a.delayedSince !== null));
    const recovered = after.findIndex((a) => a.delayedSince === null);
    expect(after.slice(0, recovered).every((a) => a.delayedSince !== null)).toBe(true);
  }, 20_000);

  it('an expired listen key is replaced and the account resynchronised over REST', async () => {
    const expiredAt = Date.now();
    await control(env.sim.url, 'POST', 'streams', { expireListenKeys: true });
    await vi.waitFor(async () => {
      const paths = (await requestsSince(expiredAt)).map((r) => `${r.method} ${r.path} ${r.account ?? ''}`);
      expect(paths).toContain(`POST /sapi/v1/margin/listen-key ${alpha}`);
      expect(paths).toContain(`GET /sapi/v1/margin/account ${alpha}`);
      // PM Pro: a new key from the futures API, and its figures read again as the refresh reads them.
      expect(paths).toContain(`POST /fapi/v1/listenKey ${echo}`);
      expect(paths).toContain(`GET /sapi/v1/portfolio/account ${echo}`);
    }, { timeout: 10_000 });
    await vi.waitFor(() => expect(manager.view(alpha)?.delayedSince).toBeNull(), { timeout: 10_000 });
    await vi.waitFor(() => expect(manager.view(echo)?.delayedSince).toBeNull(), { timeout: 10_000 });
    const recoveredAt = Date.now();
    // The new key streams again: a borrow reaches the live figure.
    const scenario = await loadScenario('demo');
    const before = manager.view(alpha)!.liabilitiesUsd;
    await signed(env.sim.url, creds(scenario, 'alpha-trading'), 'POST', '/sapi/v1/margin/borrow-repay', { asset: 'USDT', amount: '5', type: 'BORROW', isIsolated: 'FALSE' });
    await vi.waitFor(() => expect(new Decimal(manager.view(alpha)!.liabilitiesUsd).minus(before).toString()).toBe('5'), { timeout: 5_000 });
    // And the new PM Pro key streams again: its account update arrives.
    await control(env.sim.url, 'POST', 'streams', { pmProUpdateMs: 200 });
    const pushed = await restUniMMR();
    await vi.waitFor(() => expect(seen(echo).some((a) => a.updatedAt > recoveredAt && a.uniMMR === pushed)).toBe(true), { timeout: 5_000 });
  }, 20_000);

  it('keeps every listen key alive on its timer, the PM Pro one through the futures API', async () => {
    const since = Date.now();
    const keeper = new LiveManager(env.masterId, { ...DEFAULT_LIVE_OPTIONS, keepAliveMs: 200 });
    try {
      await keeper.start();
      await vi.waitFor(async () => {
        const puts = (await requestsSince(since)).filter((r) => r.method === 'PUT');
        expect(puts).toEqual(expect.arrayContaining([
          expect.objectContaining({ path: '/sapi/v1/margin/listen-key', account: alpha, status: 200 }),
          expect.objectContaining({ path: '/fapi/v1/listenKey', account: echo, status: 200 }),
        ]));
      }, { timeout: 10_000 });
    } finally {
      await keeper.stop({ keepKeys: true });
    }
  }, 20_000);

  it("a PM Pro account shows the exchange's uniMMR from its account updates and follows its risk level changes", async () => {
    // The refresh's figure (equity / maintenance margin) until the stream pushes the exchange's own.
    expect(manager.view(echo)).toMatchObject({ status: 'MARGIN_CALL', statusSource: 'computed', uniMMR: expect.stringMatching(/^1\.2275132275/) });
    await control(env.sim.url, 'POST', 'streams', { pmProUpdateMs: 200 });
    await vi.waitFor(async () => expect(manager.view(echo)?.uniMMR).toBe(await restUniMMR()), { timeout: 5_000 });

    // 1 % down: uniMMR 1.11, reduce-only. Only the exchange's push says so: the refresh's status was a margin call.
    await control(env.sim.url, 'POST', 'prices', { prices: at(0.99) });
    await vi.waitFor(() => expect(manager.view(echo)).toMatchObject({ status: 'REDUCE_ONLY', statusSource: 'exchange' }), { timeout: 5_000 });
    await vi.waitFor(async () => expect(manager.view(echo)?.uniMMR).toBe(await restUniMMR()), { timeout: 5_000 });
    expect(manager.view(echo)?.uniMMR).toMatch(/^1\.109/);
  }, 20_000);
});

describe('live history', () => {
  it('writes an account’s live figures only when they moved, coalesced, at most once per interval, and prunes past the retention', async () => {
    let now = Date.UTC(2026, 0, 10);
    const writer = new LiveHistoryWriter(env.masterId, { everyMs: 5_000, now: () => now });
    manager.subscribe(writer.listener);
    const rows = () => env.database.db.select().from(livePoints).where(and(eq(livePoints.masterId, env.masterId), eq(livePoints.accountEmail, alpha))).orderBy(asc(livePoints.id));
    await env.database.db.delete(livePoints);
    // A point older than the snapshots' retention (30 days) goes with the first write.
    await env.database.db.insert(livePoints).values({ masterId: env.masterId, accountEmail: alpha, at: new Date(now - 31 * 86_400_000), status: 'NORMAL', statusSource: 'computed', marginLevel: '3', equityUsd: '1', liabilitiesUsd: '1' });
    expect(await writer.flush()).toBe(0); // nothing moved yet: a hello is not history
    expect(await rows()).toEqual([]);

    const moveTo = async (f: number) => {
      const before = manager.view(alpha)!.marginLevel;
      await control(env.sim.url, 'POST', 'prices', { prices: at(f) });
      await vi.waitFor(() => expect(seen(alpha).at(-1)?.marginLevel).not.toBe(before), { timeout: 5_000 });
    };
    await moveTo(0.95);
    expect(await writer.flush()).toBeGreaterThanOrEqual(1);
    expect((await rows()).map((r) => r.marginLevel)).toEqual([manager.view(alpha)!.marginLevel]);

    // Two moves within the interval: nothing written until it has passed, then only the newest figures.
    await moveTo(0.9);
    await moveTo(0.85);
    now += 4_999;
    await writer.flush();
    expect(await rows()).toHaveLength(1);
    now += 1;
    await writer.flush();
    expect((await rows()).map((r) => r.marginLevel)).toEqual([expect.any(String), manager.view(alpha)!.marginLevel]);
    expect((await rows())[1]).toMatchObject({ status: manager.view(alpha)!.status, equityUsd: manager.view(alpha)!.equityUsd, liabilitiesUsd: manager.view(alpha)!.liabilitiesUsd });

    // Nothing moved: nothing written, however long it waits.
    now += 60_000;
    expect(await writer.flush()).toBe(0);
    expect(await rows()).toHaveLength(2);
  }, 30_000);
});
