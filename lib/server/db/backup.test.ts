import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '@/sim/server';
import { loadScenario } from '@/sim/scenario';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { pgliteTemplate } from '@/lib/testing/databases';
import { writeAudit } from '../audit';
import { loadKeyring } from '../crypto/keyring';
import { unseal } from '../crypto/seal';
import { runRefresh } from '../refresh/run-refresh';
import { BackupRefused, backupPglite, restorePglite } from './backup';
import { openDatabase, setDatabaseForTesting, type Database } from './client';
import { accountExits, auditLog, connections } from './schema';

process.env.MARGINWATCH_SECRET_KEY ??= randomBytes(32).toString('base64');

/** Rows in every table of the app's schema: what a restore must give back, table by table. */
async function rowCounts(database: Database): Promise<Record<string, number>> {
  // Both drivers answer execute() with `{ rows }`; the shared Db type leaves it unknown.
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const tables = await rows<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(name)}`);
    counts[name] = row!.n;
  }
  return counts;
}

// The embedded database round trip an operator makes (docs/production.md, Backups): seed, back up,
// change, restore; every row is back, and the app opens the sealed keys and signs with them again.
describe('db:backup / db:restore (PGlite)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginwatch-backup-'));
  const dataDir = path.join(dir, 'pglite');
  const file = path.join(dir, 'marginwatch.tgz');
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let database: Database;
  let before: Record<string, number>;
  let masterSecret: string;

  // The first open starts the folder from the run's migrated copy (lib/testing/pglite-templates.ts), not initdb.
  const open = async (template?: Blob) => {
    database = await openDatabase({ dataDir, template });
    setDatabaseForTesting(database);
    return database;
  };

  beforeAll(async () => {
    const scenario = await loadScenario('demo');
    masterSecret = scenario.master.keys.find((k) => k.kind === 'normal' && k.secretKey)!.secretKey!;
    sim = await startSimulator({ port: 0, scenario });
    await open(pgliteTemplate('migrated'));
    const masterId = await seedDemoConnection(database.db, scenario, sim.url);
    expect((await runRefresh(masterId, 'manual')).status).toBe('ok');
    await writeAudit({ actor: { id: null, email: 'owner@test.example', role: 'owner' }, action: 'connections.create', target: 'FundX master (demo)' });
    before = await rowCounts(database);
    await database.close();
  }, 120_000);
  afterAll(async () => {
    await database?.close().catch(() => {});
    await sim?.close();
  });

  it('seeded what must survive: sealed keys, snapshots, key history, exit records and the audit log', () => {
    expect(before).toMatchObject({ connections: expect.any(Number), audit_log: 1 });
    for (const table of ['connections', 'refresh_runs', 'account_snapshots', 'special_key_sightings', 'account_exits', 'audit_log']) expect(before[table], table).toBeGreaterThan(0);
  });

  it('refuses to copy or replace the folder while an instance has it open', async () => {
    await open();
    await expect(backupPglite(dataDir, file)).rejects.toThrow(BackupRefused);
    await expect(backupPglite(dataDir, file)).rejects.toThrow(/stop it before backing up/);
    expect(existsSync(file)).toBe(false);
    await database.close();
  });

  it('backs up, and a restore after changes gives every row back, keys the app can open', async () => {
    expect((await backupPglite(dataDir, file)).bytes).toBeGreaterThan(0);
    await open();
    await database.db.delete(auditLog);
    await database.db.delete(accountExits);
    await database.db.update(connections).set({ sealedSecret: 'damaged' }).where(eq(connections.kind, 'master'));
    expect(await rowCounts(database)).not.toEqual(before);
    // A running instance: the restore is refused and changes nothing.
    await expect(restorePglite(file, dataDir)).rejects.toThrow(/stop it before restoring over it/);
    await database.close();

    const { previous } = await restorePglite(file, dataDir);
    expect(previous && existsSync(previous)).toBe(true);
    await open();
    expect(await rowCounts(database)).toEqual(before);
    const [master] = await database.db.select().from(connections).where(eq(connections.kind, 'master'));
    expect(unseal(master!.sealedSecret, loadKeyring().all)).toBe(masterSecret);
    // The app itself signs with the restored keys: a refresh against the exchange succeeds.
    expect((await runRefresh(master!.id, 'manual')).status).toBe('ok');
    await database.close();
  }, 120_000);

  it('refuses a file that is not a backup and leaves the database as it was', async () => {
    const junk = path.join(dir, 'junk.tgz');
    writeFileSync(junk, 'not an archive');
    const folders = readdirSync(dir).sort();
    await expect(restorePglite(junk, dataDir)).rejects.toThrow(BackupRefused);
    expect(readdirSync(dir).sort()).toEqual(folders);
    await open();
    expect((await rowCounts(database)).connections).toBe(before.connections);
    await database.close();
  }, 60_000);
});
