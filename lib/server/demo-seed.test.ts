import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '@/sim/scenario';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { createPostgresDatabase, freshPglite } from '@/lib/testing/databases';
import { openDatabase, type Database } from './db/client';
import { connections, totpFactors, users } from './db/schema';
import { seedDemoUsers } from './demo-users';

// Demo mode on a data folder of its own: the credentials file is made there.
process.env.MARGINWATCH_DEMO = 'true';
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'marginwatch-demo-seed-'));
process.env.MARGINWATCH_SECRET_KEY ??= randomBytes(32).toString('base64');

/** Two app instances on one database: two handles on one PostgreSQL database, or PGlite's one handle twice. */
async function twoInstances(): Promise<{ driver: string; a: Database; b: Database; close(): Promise<void> }[]> {
  const pglite = await freshPglite();
  const pairs = [{ driver: 'pglite', a: pglite, b: pglite, close: () => pglite.close() }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const created = await createPostgresDatabase(url);
    const a = await openDatabase({ url: created.url });
    const b = await openDatabase({ url: created.url });
    pairs.push({ driver: 'postgres', a, b, close: async () => { await a.close(); await b.close(); await created.drop(); } });
  }
  return pairs;
}

describe('demo seed, two instances starting together', () => {
  it('makes one pair of users with one authenticator, and one master connection', async () => {
    const scenario = await loadScenario('demo');
    const withReadKey = scenario.subAccounts.filter((s) => s.keys.some((k) => k.kind === 'normal' && k.secretKey)).length;
    for (const { driver, a, b, close } of await twoInstances()) {
      try {
        const [credsA, credsB] = await Promise.all([seedDemoUsers(a.db), seedDemoUsers(b.db)]);
        expect(credsB, driver).toEqual(credsA);
        const rows = await a.db.select({ email: users.email, role: users.role }).from(users).orderBy(users.email);
        expect(rows, driver).toEqual([{ email: 'ops@marginwatch.demo', role: 'ops' }, { email: 'owner@marginwatch.demo', role: 'owner' }]);
        expect(await a.db.select().from(totpFactors), driver).toHaveLength(1);

        const [idA, idB] = await Promise.all([seedDemoConnection(a.db, scenario, 'http://127.0.0.1:9'), seedDemoConnection(b.db, scenario, 'http://127.0.0.1:9')]);
        expect(idB, driver).toBe(idA);
        expect(await a.db.select({ id: connections.id }).from(connections).where(eq(connections.kind, 'master')), driver).toEqual([{ id: idA }]);
        expect(await a.db.select({ id: connections.id }).from(connections).where(eq(connections.kind, 'sub')), driver).toHaveLength(withReadKey);
      } finally {
        await close();
      }
    }
  });
});
