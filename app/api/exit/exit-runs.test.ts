import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExitRunView } from '@/lib/contracts/exit';
import { setDatabaseForTesting, type Database } from '@/lib/server/db/client';
import { exitRuns } from '@/lib/server/db/schema';
import { insertRun } from '@/lib/server/exit/store';
import { testDatabases } from '@/lib/testing/databases';
import { sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';
import { GET as getRun } from './runs/[id]/route';

// GETs are safe (docs/architecture.md#writes): reading a run a stopped instance left never takes it over.
describe('GET /api/exit/runs/[id]', () => {
  let database: Database;
  let owner: string;
  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    database = await testDatabases()[0]!.open();
    setDatabaseForTesting(database);
    owner = await sessionCookieFor(database.db, 'owner');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('shows a run whose lease lapsed as stalled and leaves it untouched', async () => {
    const lapsed = new Date(Date.now() - 60_000);
    const id = await insertRun(database.db, randomUUID(), ['desk-hotel@fundx.example'], { id: null, email: 'owner@test.example' }, { owner: 'a-stopped-instance', until: lapsed });
    const [before] = await database.db.select().from(exitRuns).where(eq(exitRuns.id, id));

    const res = await getRun(new Request(`http://localhost/api/exit/runs/${id}`, { headers: { cookie: owner } }), { params: Promise.resolve({ id }) });
    expect(res.status).toBe(200);
    expect((await res.json()) as ExitRunView).toMatchObject({ id, phase: 'deleting', working: false, stalled: true });

    const [after] = await database.db.select().from(exitRuns).where(eq(exitRuns.id, id));
    expect(after).toEqual(before); // not claimed: same lease owner, lease time and version
  });
});
