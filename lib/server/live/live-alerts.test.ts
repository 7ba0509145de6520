import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiveMessage } from '@/lib/contracts/live';
import { control, obj } from '@/sim/testing/client';
import { alerts } from '../db/schema';
import { runRefresh } from '../refresh/run-refresh';
import { demoRefreshed, email } from '../views/demo-refresh.test-support';
import { LiveAlerts } from './live-alerts';
import { DEFAULT_LIVE_OPTIONS, LiveManager } from './manager';

/*
 * The alert rules on live figures, against the real simulator and database. desk-alpha (118 BTC, 1,500 ETH and
 * 1,000,000 USDT against 7,000,000 USDT borrowed, liquidation bar 1.1) is about 60 % from liquidation at the
 * demo's prices; at 44 % of them it is about 8 % away: inside the default 10 % distance rule, not yet at 5 %.
 */
let env: Awaited<ReturnType<typeof demoRefreshed>>;
let manager: LiveManager;
let live: LiveAlerts;
const messages: LiveMessage[] = [];
const alpha = email('desk-alpha');
const at = (f: number) => ({ BTCUSDT: String(97_000 * f), ETHUSDT: String(3_400 * f) });

beforeAll(async () => {
  env = await demoRefreshed();
  manager = new LiveManager(env.masterId, { ...DEFAULT_LIVE_OPTIONS, backoff: { baseMs: 200, capMs: 1_000 } });
  await manager.start();
  live = new LiveAlerts(env.masterId, () => ({ refreshId: manager.refreshId, risk: (e) => manager.book.risk(e) }), { everyMs: 1_000, now: Date.now });
  manager.subscribe(live.listener);
  manager.subscribe((m) => messages.push(m));
  // Live once the streams are open: the simulator counts them (market, cross user streams, two PM Pro accounts).
  await vi.waitFor(async () => expect(obj(await control(env.sim.url, 'GET', 'streams')).connections).toBe(4), { timeout: 10_000 });
}, 120_000);
afterAll(async () => {
  await manager?.stop();
  await env?.close();
});

const distanceAlerts = () => env.database.db.select().from(alerts).where(and(eq(alerts.ruleId, 'default-distance'), eq(alerts.accountEmail, alpha)));
const movedTo = async (f: number, until: (distance: number) => boolean) => {
  await control(env.sim.url, 'POST', 'prices', { prices: at(f) });
  await vi.waitFor(() => {
    const shock = manager.book.risk(alpha)?.shocks.liquidation?.shock;
    expect(shock !== undefined && until(Math.abs(shock)), `liquidation shock ${shock}`).toBe(true);
  }, { timeout: 10_000 });
  // Wait for the batch that carries the move to the listeners (at most 50 ms later).
  await vi.waitFor(() => expect(messages.some((m) => m.type === 'accounts' && m.accounts.some((a) => a.email === alpha))).toBe(true), { timeout: 5_000 });
  messages.length = 0;
};

describe('alerts on live figures', () => {
  it('a price path crosses the distance rule without a refresh: one alert, not sent again live or by the next refresh', async () => {
    const refreshId = manager.refreshId;
    expect(await distanceAlerts()).toEqual([]);
    await movedTo(0.44, (d) => d < 0.1 && d > 0.05);
    const raised = await live.flush();
    const [alert, ...others] = await distanceAlerts();
    expect(others).toEqual([]);
    expect(raised).toContain(alert!.id);
    // Raised from the live figures moved on from the shown refresh: no refresh ran.
    expect(alert).toMatchObject({ refreshId, transition: 'fire', level: 0 });

    // Further within the same step: nothing new, live or at the next refresh.
    await movedTo(0.43, (d) => d < 0.07 && d > 0.05);
    await live.flush();
    expect(await distanceAlerts()).toHaveLength(1);
    const { runId } = await runRefresh(env.masterId, 'manual');
    expect(runId).not.toBe(refreshId);
    expect(await distanceAlerts()).toHaveLength(1);
  }, 60_000);
});
