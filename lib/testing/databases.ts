import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@/lib/server/db/client';

export interface TestDatabaseFactory {
  driver: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

/**
 * Every database suite runs on both drivers: PGlite always, and a real PostgreSQL server when
 * TEST_DATABASE_URL is set (.ci/run starts one). Each open() gets a fresh, empty, migrated database.
 */
export function testDatabases(): TestDatabaseFactory[] {
  const factories: TestDatabaseFactory[] = [{ driver: 'pglite', open: () => openDatabase({}) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) factories.push({ driver: 'postgres', open: () => freshPostgres(url) });
  return factories;
}

async function freshPostgres(adminUrl: string): Promise<Database> {
  const name = `marginwatch_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
