import { hostname } from 'node:os';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@/lib/testing/databases';
import type { Database } from '../db/client';
import { refreshRuns } from '../db/schema';
import { closeAbandonedRuns } from './abandoned';
import { formatInstance, thisInstance } from './liveness';

// A pid no process has: above Linux's pid_max ceiling (4,194,304).
const DEAD_PID = 4_194_999;

describe.each(testDatabases())('runs left running on $driver', ({ open }) => {
  let database: Database;
  beforeAll(async () => (database = await open()));
  afterAll(async () => database?.close());

  const running = async (masterId: string, instance: string | null, heartbeatAt = new Date()) => {
    const [run] = await database.db.insert(refreshRuns).values({ masterId, trigger: 'schedule', status: 'running', instance, heartbeatAt }).returning();
    return run!.id;
  };
  const statusOf = async (id: string) => (await database.db.select().from(refreshRuns).where(eq(refreshRuns.id, id)))[0]!;

  it('closes a run whose process on this host is gone, at once, and says why', async () => {
    const id = await running('00000000-0000-4000-8000-000000000001', `${hostname()}:${DEAD_PID}:abcd1234`);
    const [decision] = await closeAbandonedRuns(database.db, '00000000-0000-4000-8000-000000000001');
    expect(decision).toMatchObject({ runId: id, closed: true });
    const run = await statusOf(id);
    expect(run.status).toBe('failed');
    expect(run.finishedAt).not.toBeNull();
    expect(run.errors.at(-1)).toMatchObject({ step: 'interrupted' });
  });

  it('leaves this process\'s run and another host\'s beating run alone; closes a silent one', async () => {
    const master = '00000000-0000-4000-8000-000000000002';
    const own = await running(master, formatInstance(thisInstance()));
    const decisions = await closeAbandonedRuns(database.db, master);
    expect(decisions).toEqual([expect.objectContaining({ runId: own, closed: false })]);
    await database.db.update(refreshRuns).set({ status: 'ok' }).where(eq(refreshRuns.id, own));

    const beating = await running(master, 'other-host:12:abcd1234');
    expect((await closeAbandonedRuns(database.db, master))[0]).toMatchObject({ runId: beating, closed: false });
    await database.db.update(refreshRuns).set({ heartbeatAt: new Date(Date.now() - 60_000) }).where(eq(refreshRuns.id, beating));
    expect((await closeAbandonedRuns(database.db, master))[0]).toMatchObject({ runId: beating, closed: true });
    expect((await statusOf(beating)).status).toBe('failed');
  });
});
