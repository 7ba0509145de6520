import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@/lib/server/db/client';

export interface TestDatabaseFactory {
  driver: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

const templates = new Map<'bare' | 'migrated', Blob>();

/** A PGlite data folder this run's global set-up dumped (lib/testing/pglite-templates.ts), read once per process. */
export function pgliteTemplate(which: 'bare' | 'migrated'): Blob {
  let blob = templates.get(which);
  if (!blob) templates.set(which, (blob = new Blob([readFileSync(inject('pgliteTemplates')[which])])));
  return blob;
}

/** A fresh, empty, migrated PGlite database: a copy of the run's migrated template, migrated again (a no-op). */
export const freshPglite = (): Promise<Database> => openDatabase({ template: pgliteTemplate('migrated') });

/**
 * Every database suite runs on both drivers: PGlite always, and a real PostgreSQL server when
 * TEST_DATABASE_URL is set (.ci/run starts one). Each open() gets a fresh, empty, migrated database.
 */
export function testDatabases(): TestDatabaseFactory[] {
  const factories: TestDatabaseFactory[] = [{ driver: 'pglite', open: freshPglite }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) factories.push({ driver: 'postgres', open: () => freshPostgres(url) });
  return factories;
}

/** A new, empty PostgreSQL database on the server at `adminUrl`: for tests whose child processes connect by URL. */
export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `marginwatch_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function freshPostgres(adminUrl: string): Promise<Database> {
  const created = await createPostgresDatabase(adminUrl);
  const database = await openDatabase({ url: created.url });
  return {
    ...database,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}
