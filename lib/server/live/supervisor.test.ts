import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { control, obj } from '@/sim/testing/client';
import { changeContext } from '../connections/test-support';
import { removeConnection } from '../connections/mutations';
import { alerts, connections, livePoints } from '../db/schema';
import { demoRefreshed, email } from '../views/demo-refresh.test-support';
import { liveHub, liveHubIds } from './registry';
import { startLiveSupervisor, stopLiveSupervisor, superviseLive } from './supervisor';

/*
 * The live streams run with the server, not with a page: no listener subscribes here (no SSE client), yet a price
 * path that crosses a rule writes the alert and the live history. desk-alpha (liquidation bar 1.1) is about 8 %
 * from liquidation at 44 % of the demo's prices: inside the default 10 % distance rule.
 */
let env: Awaited<ReturnType<typeof demoRefreshed>>;
const alpha = email('desk-alpha');
const echo = email('desk-echo');
const streams = async () => obj(await control(env.sim.url, 'GET', 'streams')).connections;
/** Whose listen keys were asked for since `since` (a manager starting asks for every account's). */
const listenKeysAskedBy = async (since: number) =>
  (obj(await control(env.sim.url, 'GET', `requests?since=${since}`)).requests as Array<{ method: string; path: string; account?: string }>)
    .filter((r) => r.method === 'POST' && (r.path === '/sapi/v1/margin/listen-key' || r.path === '/fapi/v1/listenKey'))
    .map((r) => r.account);

beforeAll(async () => {
  env = await demoRefreshed();
  // Shorter periods than the server's (5 s history, 1 s alerts) so the test waits less; same code.
  startLiveSupervisor({ historyEveryMs: 500, alertsEveryMs: 500 });
  await superviseLive();
}, 120_000);
afterAll(async () => {
  await stopLiveSupervisor();
  await env?.close();
});

describe('live supervisor', () => {
  it('streams the master without any page listening: a price move writes the alert and live points', async () => {
    expect(liveHubIds()).toEqual([env.masterId]);
    expect(liveHub(env.masterId).running).toBe(true);
    // Market and user streams (one cross connection, one per PM Pro account) open with nobody subscribed.
    await vi.waitFor(async () => expect(await streams()).toBe(4), { timeout: 10_000 });

    await control(env.sim.url, 'POST', 'prices', { prices: { BTCUSDT: String(97_000 * 0.44), ETHUSDT: String(3_400 * 0.44) } });
    const db = env.database.db;
    await vi.waitFor(async () => {
      const raised = await db.select().from(alerts).where(and(eq(alerts.ruleId, 'default-distance'), eq(alerts.accountEmail, alpha)));
      expect(raised).toHaveLength(1);
    }, { timeout: 15_000 });
    await vi.waitFor(async () => {
      const points = await db.select().from(livePoints).where(and(eq(livePoints.masterId, env.masterId), eq(livePoints.accountEmail, alpha)));
      expect(points.length).toBeGreaterThan(0);
      expect(points.at(-1)!.statusSource).toBeDefined();
    }, { timeout: 15_000 });
  }, 60_000);

  it("restarts a master's streams with its keys when they change, and not when nothing changed", async () => {
    const quiet = Date.now();
    await superviseLive();
    expect(await listenKeysAskedBy(quiet)).toEqual([]);
    expect(await streams()).toBe(4);

    // desk-echo's key removed (as the connections page removes it): a new manager streams without it.
    const [echoKey] = await env.database.db.select().from(connections).where(eq(connections.accountEmail, echo));
    const changed = Date.now();
    await removeConnection(echoKey!.id, changeContext);
    await superviseLive();
    await vi.waitFor(async () => expect(await streams()).toBe(3), { timeout: 10_000 });
    const asked = await listenKeysAskedBy(changed);
    expect(asked).toContain(alpha);
    expect(asked).not.toContain(echo);
    expect(liveHub(env.masterId).running).toBe(true);
  }, 30_000);

  it('stops the streams once the master connection is removed', async () => {
    await env.database.db.delete(connections).where(eq(connections.masterId, env.masterId));
    await env.database.db.delete(connections).where(eq(connections.id, env.masterId));
    await superviseLive();
    expect(liveHubIds()).toEqual([]);
    await vi.waitFor(async () => expect(await streams()).toBe(0), { timeout: 10_000 });
  }, 30_000);
});
