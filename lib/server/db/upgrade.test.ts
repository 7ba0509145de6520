import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '@/lib/testing/databases';
import { listAudit, writeAudit } from '../audit';
import { loadKeyring } from '../crypto/keyring';
import { unseal } from '../crypto/seal';
import { loadInventory } from '../keys/inventory';
import { addNote } from '../notes';
import { accountDetail } from '../views/account-detail';
import { demoRefreshed, email } from '../views/demo-refresh.test-support';
import { openDatabase, setDatabaseForTesting, type Database } from './client';
import { connections, exitRunAccounts, exitRunKeys, exitRuns, loginAttempts, termsRecords, users } from './schema';
import { columnsOf, fingerprint, openAtLevel, shippedMigrations, writeRows, type RawDatabase } from './upgrade.test-support';

/** Columns a later migration dropped on purpose, with the migration that did: every other column keeps its values. */
const DROPPED: Record<string, string> = { 'login_attempts.locked_until': '0007_throttle', 'account_snapshots.margin_level': '0017_margin_level_once (kept in risk)' };

const SHOCKS = { shockA: -0.2, shockB: 0.2 };
const NOW = new Date();
const MIGRATIONS = shippedMigrations();

function raw(database: Database): RawDatabase {
  return {
    query: async <T>(text: string, params?: unknown[]) => {
      if (params?.length) throw new Error('raw(): no parameters');
      return ((await database.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
    },
    close: () => database.close(),
  };
}

const targets: { driver: string; make(): Promise<{ at: { dataDir: string } | { url: string }; drop(): Promise<void> }> }[] = [
  { driver: 'pglite', make: async () => ({ at: { dataDir: path.join(mkdtempSync(path.join(tmpdir(), 'marginwatch-upgrade-')), 'pglite') }, drop: async () => {} }) },
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) targets.push({ driver: 'postgres', make: async () => { const created = await createPostgresDatabase(pgUrl); return { at: { url: created.url }, drop: created.drop }; } });

/**
 * A database an earlier version made, at each migration level (docs/production.md, Upgrades): the demo's rows
 * (users, sealed keys, refreshes and snapshots, key history, notes, terms, exit runs, audit) written with that
 * level's SQL, then the current migrator run on it. No row is lost or changed, the sealed secret opens, and the
 * app's reads (account page, Keys page, audit log) open the upgraded data.
 */
describe.each(targets)('upgrading an earlier database ($driver)', ({ make }) => {
  let source: Awaited<ReturnType<typeof demoRefreshed>>;
  let sourceRows: Map<string, unknown[]>;
  let masterSecret: string;
  const before: { detail: unknown; audit: unknown; inventory: Awaited<ReturnType<typeof loadInventory>> } = { detail: null, audit: null, inventory: null! };

  beforeAll(async () => {
    source = await demoRefreshed();
    const db = source.database.db;
    const [owner] = await db.insert(users).values({ email: 'owner@desk.example', name: 'Owner', role: 'owner', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA' }).returning();
    await db.insert(loginAttempts).values({ email: 'ops@desk.example', failures: 2, windowStartedAt: new Date() });
    await db.insert(termsRecords).values({ masterId: source.masterId, signedOn: new Date('2026-01-15T00:00:00Z'), note: 'signed by the desk head', recordedBy: owner!.email });
    await addNote(db, { masterId: source.masterId, email: email('desk-alpha') }, { id: owner!.id, email: owner!.email }, { body: 'reviewed: hedged', okUntil: new Date('2027-01-01T00:00:00Z') }, null);
    const [run] = await db.insert(exitRuns).values({ masterId: source.masterId, phase: 'done', createdBy: owner!.id, createdByEmail: owner!.email, finishedAt: new Date() }).returning();
    await db.insert(exitRunAccounts).values({ runId: run!.id, accountEmail: email('desk-bravo'), stage: 'confirmed', confirmedAt: new Date(), cooldownEndsAt: new Date(Date.now() + 86_400_000) });
    await db.insert(exitRunKeys).values({ runId: run!.id, accountEmail: email('desk-bravo'), apiKey: 'bravoSpecialKey0001', apiName: 'bravo-special', status: 'deleted' });
    await writeAudit({ actor: { id: owner!.id, email: owner!.email, role: 'owner' }, action: 'connections.create', target: 'FundX master (demo)' });
    await writeAudit({ actor: { id: owner!.id, email: owner!.email, role: 'owner' }, action: 'terms.record', target: `master:${source.masterId}`, after: { signedOn: '2026-01-15' } });

    const [master] = await db.select().from(connections).where(eq(connections.kind, 'master'));
    masterSecret = unseal(master!.sealedSecret, loadKeyring().all);
    before.detail = await accountDetail(db, email('desk-alpha'), SHOCKS);
    before.audit = await listAudit({ page: 1, pageSize: 50 });
    before.inventory = await loadInventory(db, source.masterId, NOW);
    sourceRows = new Map();
    for (const [table] of await columnsOf(raw(source.database))) {
      const [row] = await raw(source.database).query<{ rows: unknown[] }>(`select coalesce(json_agg(t), '[]'::json) as rows from "${table}" t`);
      sourceRows.set(table, row!.rows);
    }
  }, 120_000);
  afterAll(async () => {
    await source?.close();
  });

  it('the source holds what must survive', () => {
    for (const table of ['users', 'connections', 'audit_log', 'refresh_runs', 'account_snapshots', 'special_key_sightings', 'account_notes', 'terms_records', 'sub_account_key_lists', 'exit_runs', 'exit_run_accounts', 'exit_run_keys', 'login_attempts']) {
      expect(sourceRows.get(table)?.length, table).toBeGreaterThan(0);
    }
    expect(before.detail).not.toBeNull();
  });

  // The first four levels (0000 users, keys, audit; 0001 refreshes, snapshots, key history, notes; 0002 key lists,
  // terms; 0003 exit runs) and the one before the newest: each takes a few seconds, so not every level in between.
  const levels = [...new Set([1, 2, 3, 4, MIGRATIONS.length - 1])].filter((n) => n >= 1 && n < MIGRATIONS.length);
  it.each(levels.map((level) => [MIGRATIONS[level - 1]!, level] as const))('from %s: no row lost or changed, and the app reads the upgraded data', async (tag, level) => {
    const target = await make();
    try {
      const old = await openAtLevel(target.at, level);
      const oldColumns = await columnsOf(old);
      for (const [table] of oldColumns) await writeRows(old, table, sourceRows.get(table) ?? []);
      const prints = new Map<string, { kept: string[]; rows: string; count: number }>();
      for (const [table, columns] of oldColumns) {
        const kept = columns.filter((c) => !(`${table}.${c}` in DROPPED));
        prints.set(table, { kept, rows: await fingerprint(old, table, kept), count: (sourceRows.get(table) ?? []).length });
      }
      await old.close();

      // The current migrator, exactly as the app runs it at start.
      const upgraded = await openDatabase('url' in target.at ? { url: target.at.url } : { dataDir: target.at.dataDir });
      try {
        const newColumns = await columnsOf(raw(upgraded));
        for (const [table, { kept, rows, count }] of prints) {
          expect(kept.filter((c) => !newColumns.get(table)?.includes(c)), `${table}: columns lost`).toEqual([]);
          expect(await fingerprint(raw(upgraded), table, kept), `${tag} → now: ${table}`).toBe(rows);
          const [counted] = await raw(upgraded).query<{ n: number }>(`select count(*)::int as n from "${table}"`);
          expect(counted!.n, `${table} rows`).toBe(count);
        }
        setDatabaseForTesting(upgraded);
        const db = upgraded.db;
        const [master] = await db.select().from(connections).where(eq(connections.kind, 'master'));
        expect(unseal(master!.sealedSecret, loadKeyring().all)).toBe(masterSecret);
        expect(await listAudit({ page: 1, pageSize: 50 })).toEqual(before.audit);
        // The account page needs the refresh tables (0001); before them there is nothing to show, and it says so.
        const detail = await accountDetail(db, email('desk-alpha'), SHOCKS);
        if (level >= 2) expect(detail).toEqual(before.detail);
        else expect(detail).toBeNull();
        // The Keys page: the same page once the key lists and terms exist (0002); before, what that level held, never an error.
        const inventory = await loadInventory(db, source.masterId, NOW);
        if (level >= 3) expect(inventory).toEqual(before.inventory);
        else {
          const known = new Set(before.inventory.accounts.map((a) => a.email));
          expect(inventory.accounts.length).toBeGreaterThan(0);
          expect(inventory.accounts.filter((a) => !known.has(a.email))).toEqual([]);
        }
      } finally {
        setDatabaseForTesting(source.database);
        await upgraded.close();
      }
    } finally {
      await target.drop();
    }
  }, 120_000);
});
