import 'server-only';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { getEnv } from '@/lib/env';
import * as schema from './schema';
import { logger } from '../log/logger';
import { claimFolder } from './pglite-owner';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(process.cwd(), 'drizzle');

/**
 * Opens and migrates a database: a real PostgreSQL server when given a URL, else PGlite in `dataDir`.
 * `template`, a PGlite data folder dumped with dumpDataDir, starts a new PGlite from that copy instead of
 * running initdb (tests: lib/testing/pglite-templates.ts).
 */
export async function openDatabase(opts: { url?: string; dataDir?: string; template?: Blob }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process.
    pool.on('error', (error) => logger('db').error({ err: error }, 'idle PostgreSQL connection failed'));
    const db = drizzlePg(pool, { schema });
    await migratePg(db, { migrationsFolder });
    return { db: db as unknown as Db, driver: 'postgres', close: () => pool.end() };
  }
  const client = new PGlite(opts.dataDir ?? 'memory://', opts.template ? { loadDataDir: opts.template } : {});
  // Recorded while open, so a backup or restore never copies or replaces a folder in use.
  const release = opts.dataDir ? claimFolder(opts.dataDir) : () => {};
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, driver: 'pglite', close: () => client.close().finally(release) };
}

// One database per process: Next.js may evaluate this module in several bundles, so the handle lives on
// globalThis. PGlite in particular must never be opened twice on the same folder.
const holder = globalThis as typeof globalThis & { __marginwatchDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  const env = getEnv();
  holder.__marginwatchDb ??= openDatabase({
    url: env.DATABASE_URL,
    dataDir: path.join(path.resolve(env.DATA_DIR), 'pglite'),
  });
  return holder.__marginwatchDb;
}

/** Closes this process's database, if it was opened (shutdown). */
export async function closeDatabase(): Promise<void> {
  const open = holder.__marginwatchDb;
  holder.__marginwatchDb = undefined;
  if (open) await (await open).close();
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Points this process at a given database: for tests (one fresh database per suite) only. */
export function setDatabaseForTesting(database: Database): void {
  holder.__marginwatchDb = Promise.resolve(database);
}
