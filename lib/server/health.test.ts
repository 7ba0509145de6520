import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '@/sim/scenario';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { testDatabases } from '@/lib/testing/databases';
import type { Database } from './db/client';
import { refreshRuns } from './db/schema';
import { checkReadiness } from './health';

process.env.MARGINWATCH_SECRET_KEY ??= randomBytes(32).toString('base64');
const failing = (r: Awaited<ReturnType<typeof checkReadiness>>) => r.checks.filter((c) => !c.ok).map((c) => c.name);

describe.each(testDatabases())('readiness on $driver', ({ open }) => {
  let database: Database;
  beforeAll(async () => (database = await open()));
  afterAll(async () => database?.close());

  it('follows the database: no master is ready, a master never refreshed is not, a recent success is', async () => {
    const { db } = database;
    expect(await checkReadiness({ db })).toMatchObject({ ready: true });

    const masterId = await seedDemoConnection(db, await loadScenario('demo'), 'http://127.0.0.1:9');
    expect(failing(await checkReadiness({ db }))).toEqual(['refresh']);

    const finishedAt = new Date(Date.now() - 5_000);
    await db.insert(refreshRuns).values({ masterId, trigger: 'start', status: 'failed', finishedAt });
    expect(failing(await checkReadiness({ db }))).toEqual(['refresh']);
    await db.insert(refreshRuns).values({ masterId, trigger: 'start', status: 'partial', finishedAt });
    expect(await checkReadiness({ db })).toMatchObject({ ready: true });
    // Three 60 s intervals later, with no success since, it is not.
    expect(failing(await checkReadiness({ db, now: Date.now() + 180_000 }))).toEqual(['refresh']);
  });

  it('is not ready when the newest migration is missing', async () => {
    const { db } = database;
    await db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    expect(failing(await checkReadiness({ db }))).toEqual(['migrations']);
  });
});
