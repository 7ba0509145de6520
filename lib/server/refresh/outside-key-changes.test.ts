import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '@/sim/server';
import { loadScenario, type Scenario } from '@/sim/scenario';
import { signed } from '@/sim/testing/client';
import { creds } from '@/sim/testing/scenarios';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { testDatabases } from '@/lib/testing/databases';
import { setDatabaseForTesting, type Database } from '../db/client';
import { alerts, refreshRuns } from '../db/schema';
import { createSpecialKey } from '../keys/actions';
import { runRefresh } from './run-refresh';

process.env.MARGINWATCH_SECRET_KEY = randomBytes(32).toString('base64');

const CHARLIE = 'desk-charlie@fundx.example';

describe.each(testDatabases())('special keys made or deleted outside marginwatch, on $driver', ({ open }) => {
  let database: Database;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let scenario: Scenario;
  let masterId: string;

  /** One refresh; answers the `special_key_outside` alerts it raised, as "email: title" with their figures. */
  async function refreshAlerts() {
    const { runId, status } = await runRefresh(masterId, 'manual');
    expect(status).toBe('ok');
    const rows = await database.db.select().from(alerts).where(and(eq(alerts.refreshId, runId), eq(alerts.kind, 'special_key_outside')));
    return rows.map((r) => ({ email: r.accountEmail, figures: r.figures }));
  }
  /** What someone does on Binance directly with the account's key, not through marginwatch. */
  const onTheExchange = (method: 'POST' | 'DELETE', params: Record<string, string>) =>
    signed(sim.url, creds(scenario, 'charlie-monitor'), method, '/sapi/v1/margin/apiKey', params);

  beforeAll(async () => {
    database = await open();
    setDatabaseForTesting(database);
    scenario = await loadScenario('demo');
    sim = await startSimulator({ port: 0, scenario });
    masterId = await seedDemoConnection(database.db, scenario, sim.url);
  });
  afterAll(async () => {
    await sim?.close();
    await database?.close();
  });

  it('the first refresh finds keys, not changes: nothing fires for the special keys already there', async () => {
    expect(await refreshAlerts()).toEqual([]);
    expect(await refreshAlerts()).toEqual([]);
  });

  it('a key created on the exchange directly fires once, naming it; the next quiet refresh says nothing', async () => {
    expect((await onTheExchange('POST', { apiName: 'rogue-1', ip: '203.0.113.10' })).status).toBe(200);
    expect(await refreshAlerts()).toEqual([{ email: CHARLIE, figures: { appeared: 'rogue-1', disappeared: null } }]);
    expect(await refreshAlerts()).toEqual([]);
  });

  it('the same key deleted on the exchange directly fires again, as gone', async () => {
    expect((await onTheExchange('DELETE', { apiName: 'rogue-1' })).status).toBe(200);
    expect(await refreshAlerts()).toEqual([{ email: CHARLIE, figures: { appeared: null, disappeared: 'rogue-1' } }]);
  });

  it('a key marginwatch creates itself raises nothing, in the refresh the action starts or any later one', async () => {
    const all = async () => (await database.db.select().from(alerts).where(eq(alerts.kind, 'special_key_outside'))).length;
    const before = await all();
    const actor = { email: 'owner@test', audit: async () => {} };
    await createSpecialKey(database.db, { account: CHARLIE, apiName: 'ours-1', ip: ['203.0.113.10'], permissionMode: 'TRADE', confirmBinding: true }, actor);
    // The action starts a refresh of its own (triggered by the actor): wait until it has finished.
    const finishedByActor = async () =>
      (await database.db.select().from(refreshRuns).where(and(eq(refreshRuns.triggeredBy, actor.email), isNotNull(refreshRuns.finishedAt)))).length;
    await expect.poll(finishedByActor, { timeout: 60_000 }).toBe(1);
    expect(await refreshAlerts()).toEqual([]);
    expect(await all()).toBe(before);
  });
});
