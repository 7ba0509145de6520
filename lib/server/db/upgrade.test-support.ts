import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { pgliteTemplate } from '@/lib/testing/databases';

const MIGRATIONS = path.resolve(process.cwd(), 'drizzle');

type Journal = { entries: { idx: number; tag: string }[] };

/** The migrations this build ships, oldest first (drizzle/meta/_journal.json). */
export function shippedMigrations(): string[] {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.map((e) => e.tag);
}

/** A migrations folder holding only the first `count` migrations: the schema an earlier version created. */
function migrationsUpTo(count: number): string {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as Journal;
  const dir = mkdtempSync(path.join(tmpdir(), 'marginwatch-migrations-'));
  mkdirSync(path.join(dir, 'meta'));
  const entries = journal.entries.slice(0, count);
  for (const e of entries) copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

/** Plain SQL on a database at an earlier level: no Drizzle schema, which is today's and would not fit. */
export interface RawDatabase {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** An earlier version's database: PGlite in `dataDir`, or PostgreSQL at `url`, migrated to the first `count` migrations. */
export async function openAtLevel(target: { dataDir: string } | { url: string }, count: number): Promise<RawDatabase> {
  const migrationsFolder = migrationsUpTo(count);
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 2 });
    await migratePg(drizzlePg(pool), { migrationsFolder });
    return { query: async (text, params) => (await pool.query(text, params)).rows, close: () => pool.end() };
  }
  // An initdb'd, empty folder from this run's template: what a new PGlite folder holds before any migration.
  const client = new PGlite(target.dataDir, { loadDataDir: pgliteTemplate('bare') });
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  return { query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows, close: () => client.close() };
}

export async function columnsOf(db: RawDatabase): Promise<Map<string, string[]>> {
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name]);
  return out;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes `rows` (JSON objects, as `row_to_json` gives them) into `table` with that level's own SQL: an insert
 * naming only the columns the table has at that level. Serial ids keep their values and the sequences move
 * past them, as they would have in the version that wrote the rows.
 */
export async function writeRows(db: RawDatabase, table: string, rows: unknown[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(`insert into ${ident(table)} select * from json_populate_recordset(null::${ident(table)}, $1::json)`, [JSON.stringify(rows)]);
  const serials = await db.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and column_default like 'nextval(%'`,
    [table],
  );
  for (const { column_name } of serials) {
    await db.query(`select setval(pg_get_serial_sequence($1, $2), (select max(${ident(column_name)}) from ${ident(table)}))`, [table, column_name]);
  }
}

/** Every row of `table`, restricted to `columns`, in a stable order: equal before and after an upgrade, or a row was lost or changed. */
export async function fingerprint(db: RawDatabase, table: string, columns: readonly string[]): Promise<string> {
  const list = columns.map(ident).join(', ');
  const [row] = await db.query<{ rows: string }>(`select coalesce(json_agg(x order by x::text), '[]')::text as rows from (select ${list} from ${ident(table)}) x`);
  return row!.rows;
}
