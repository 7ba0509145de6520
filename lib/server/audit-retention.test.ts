import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabases } from '@/lib/testing/databases';
import { pruneAudit } from './audit';
import { setDatabaseForTesting, type Database } from './db/client';
import { auditLog } from './db/schema';

let database: Database;
beforeAll(async () => {
  database = await testDatabases()[0]!.open();
  setDatabaseForTesting(database);
});
afterAll(async () => database?.close());

it('the audit log keeps entries within the retention and removes older ones', async () => {
  const entry = (daysAgo: number) => ({ action: 'auth.signin', target: `${daysAgo}`, at: sql`now() - make_interval(days => ${daysAgo})` });
  await database.db.insert(auditLog).values([entry(800), entry(731), entry(729), entry(0)]);
  expect(await pruneAudit(730)).toBe(2);
  const left = await database.db.select({ target: auditLog.target }).from(auditLog);
  expect(left.map((r) => r.target).sort()).toEqual(['0', '729']);
});
