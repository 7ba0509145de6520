import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '@/sim/scenario';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { testDatabases } from '@/lib/testing/databases';
import type { Database } from '../db/client';
import { refreshRuns } from '../db/schema';
import { mastersDue } from './due';

process.env.MARGINWATCH_SECRET_KEY ??= randomBytes(32).toString('base64');
const PERIOD = 60_000;

// Two instances on one database tick at different moments in each interval: the first refreshes, the
// second must find that run and not refresh again.
describe.each(testDatabases())('scheduled refreshes shared by instances on $driver', ({ open }) => {
  let database: Database;
  let masterId: string;
  beforeAll(async () => {
    database = await open();
    masterId = await seedDemoConnection(database.db, await loadScenario('demo'), 'http://127.0.0.1:9');
  });
  afterAll(async () => database?.close());

  it('a master never refreshed is due; one refreshed by another instance this interval is not; next interval it is', async () => {
    expect(await mastersDue(database.db, PERIOD)).toEqual([expect.objectContaining({ id: masterId, due: true })]);
    const startedAt = new Date();
    await database.db.insert(refreshRuns).values({ masterId, trigger: 'schedule', status: 'ok', startedAt, finishedAt: startedAt, instance: 'other-host:1:abcd1234' });
    expect(await mastersDue(database.db, PERIOD, startedAt.getTime() + 20_000)).toEqual([expect.objectContaining({ id: masterId, due: false })]);
    expect(await mastersDue(database.db, PERIOD, startedAt.getTime() + PERIOD)).toEqual([expect.objectContaining({ id: masterId, due: true })]);
  });

  it('two instances ticking half an interval apart: the second finds the first run and leaves it, so one refresh per interval', async () => {
    const startedAt = new Date(Date.now() + 1_000);
    await database.db.insert(refreshRuns).values({ masterId, trigger: 'schedule', status: 'ok', startedAt, finishedAt: startedAt, instance: 'host-a:1:abcd1234' });
    // Instance B ticks half an interval (and a little) after A's run started; A's own next tick comes a full
    // interval later, less the moment its run took to be claimed.
    expect(await mastersDue(database.db, PERIOD, startedAt.getTime() + PERIOD / 2 + 50)).toEqual([expect.objectContaining({ id: masterId, due: false })]);
    expect(await mastersDue(database.db, PERIOD, startedAt.getTime() + PERIOD - 500)).toEqual([expect.objectContaining({ id: masterId, due: true })]);
  });
});
