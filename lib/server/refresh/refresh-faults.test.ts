import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '@/sim/server';
import { loadScenario } from '@/sim/scenario';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { testDatabases } from '@/lib/testing/databases';
import { setDatabaseForTesting, type Database } from '../db/client';
import { accountSnapshots, refreshRuns } from '../db/schema';
import type { ClientStats } from '../exchange';
import { getOverview } from '../views/overview';
import { runRefresh, startRefresh } from './run-refresh';
import { refreshStatus } from './status';

process.env.MARGINWATCH_SECRET_KEY = randomBytes(32).toString('base64');

// The real client against the real simulator with faults injected through its control API.
describe('refresh under exchange faults', () => {
  let database: Database;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let masterId: string;
  const control = (path: string, body: unknown) =>
    fetch(`${sim.url}/__sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const runOf = async (runId: string) => (await database.db.select().from(refreshRuns).where(eq(refreshRuns.id, runId)))[0]!;
  const simLog = async () => ((await (await fetch(`${sim.url}/__sim/requests`)).json()) as { requests: { path: string; status: number }[] }).requests;

  beforeAll(async () => {
    database = await testDatabases()[0]!.open();
    setDatabaseForTesting(database);
    sim = await startSimulator({ port: 0, scenario: await loadScenario('demo') });
    masterId = await seedDemoConnection(database.db, await loadScenario('demo'), sim.url);
  });
  afterEach(async () => {
    await control('reset', {});
  });
  afterAll(async () => {
    await sim?.close();
    await database?.close();
  });

  it('clock skew: the client uses the exchange clock and the refresh succeeds', async () => {
    // 40 s ahead: any request timed by the local clock would be rejected with -1021 (recvWindow 5 s).
    await control('clock', { offsetMs: 40_000 });
    const { status } = await runRefresh(masterId, 'manual');
    expect(status).toBe('ok');
    // -1021 would be a 400 on any signed path; portfolio/account's 400 is -21001 (not PM Pro), expected.
    expect((await simLog()).filter((r) => r.status === 400 && r.path !== '/sapi/v1/portfolio/account')).toEqual([]);
  });

  it('429 with Retry-After: the client waits, the refresh completes, no 418', async () => {
    await control('faults', { force429: { path: '/sapi/v1/sub-account/margin/account', count: 2, retryAfterSec: 1 } });
    const { runId, status } = await runRefresh(masterId, 'manual');
    expect(status).toBe('ok');
    const stats = (await runOf(runId)).stats as unknown as ClientStats;
    // Two forced 429s, plus any request already in flight when they went out (answered 429, not 418).
    expect(stats.rateLimited429).toBeGreaterThanOrEqual(2);
    expect(stats.banned418).toBe(0);
    expect((await simLog()).some((r) => r.status === 418)).toBe(false);
  });

  it('5xx bursts: reads are retried and every account still has a snapshot, fresh or stale', async () => {
    await control('faults', { error5xxRate: 0.3 });
    const { runId } = await runRefresh(masterId, 'manual');
    const run = await runOf(runId);
    expect(['ok', 'partial']).toContain(run.status);
    expect((run.stats as unknown as ClientStats).retries).toBeGreaterThan(0);
    const snaps = await database.db.select().from(accountSnapshots).where(eq(accountSnapshots.refreshId, runId));
    expect(snaps).toHaveLength(14);
    for (const s of snaps) {
      if (s.stale) expect(s.error).toBeTruthy();
      else expect(s.error).toBeNull();
    }
  });

  it('an exchange that keeps failing: the run fails with the reason and writes no zeros', async () => {
    await control('faults', { error5xxRate: 1 });
    const { runId, status } = await runRefresh(masterId, 'manual');
    expect(status).toBe('failed');
    const run = await runOf(runId);
    expect(run.errors[0]?.message).toMatch(/Internal error|5\d\d/);
    const snaps = await database.db.select().from(accountSnapshots).where(eq(accountSnapshots.refreshId, runId));
    expect(snaps).toHaveLength(0);
  });

  it('status during an outage: the failure stays while the next attempt waits out a 429, one stale count', async () => {
    const good = await runRefresh(masterId, 'manual');
    expect(good.status).toBe('ok');
    await control('faults', { error5xxRate: 1 });
    const failed = await runRefresh(masterId, 'manual');
    expect(failed.status).toBe('failed');
    const after = await refreshStatus(database.db, masterId);
    expect(after.lastFinished).toMatchObject({ id: failed.runId, status: 'failed' });
    // The figures are the good run's; the header's stale count is the overview's stale list.
    expect(after.dataAt).toBe((await runOf(good.runId)).finishedAt!.toISOString());
    expect(after.staleCount).toBe((await getOverview(database.db, masterId))!.data!.stale.length);

    await control('faults', { error5xxRate: 0, force429: { path: '/sapi/v1/sub-account/list', count: 1, retryAfterSec: 3 } });
    const { runId, done } = await startRefresh(masterId, 'manual');
    // While it waits, the run says until when, and the failed run is still the last finished one.
    await expect.poll(async () => (await refreshStatus(database.db, masterId)).newest?.waitingUntil ?? null, { timeout: 5000, interval: 100 }).not.toBeNull();
    const waiting = await refreshStatus(database.db, masterId);
    expect(waiting).toMatchObject({ running: true, newest: { id: runId, accountsTotal: 0 }, lastFinished: { id: failed.runId, status: 'failed' } });
    expect(new Date(waiting.newest!.waitingUntil!).getTime()).toBeGreaterThan(Date.now());
    expect((await done).status).toBe('ok');
    const recovered = await refreshStatus(database.db, masterId);
    expect(recovered.lastFinished).toMatchObject({ id: runId, status: 'ok', waitingUntil: null });
  });
});
