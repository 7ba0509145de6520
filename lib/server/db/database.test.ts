import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@/lib/testing/databases';
import { seal, sealingKeyFrom, unseal } from '../crypto/seal';
import { resealAll } from '../crypto/rotate';
import { clearAttempts, recordAttempt } from '../auth/login-guard';
import { THROTTLE_WINDOW_MS } from '../auth/throttle';
import { createUser } from '../users';
import type { Database } from './client';
import { connections, users } from './schema';

describe.each(testDatabases())('database on $driver', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('applies every migration', async () => {
    const result = (await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    )) as unknown as { rows: { table_name: string }[] };
    const tables = result.rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'connections', 'login_attempts', 'users']));
  });

  it('stores users with a unique, normalized email and an argon2id hash', async () => {
    const user = await createUser(database.db, { email: ' Trader@Desk.Example ', name: 'T', role: 'owner', password: 'a long enough password' });
    expect(user.email).toBe('trader@desk.example');
    const [row] = await database.db.select().from(users).where(sql`${users.id} = ${user.id}`);
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true);
    await expect(createUser(database.db, { email: 'trader@desk.example', name: 'T2', role: 'ops', password: 'a long enough password' })).rejects.toThrow();
  });

  it('refuses a short password or an unknown role, and stores nothing', async () => {
    await expect(createUser(database.db, { email: 'x@y.example', name: 'X', role: 'ops', password: 'short' })).rejects.toThrow(/at least 12/);
    await expect(createUser(database.db, { email: 'x@y.example', name: 'X', role: 'admin' as 'ops', password: 'a long enough password' })).rejects.toThrow();
    const rows = await database.db.select().from(users).where(sql`${users.email} = 'x@y.example'`);
    expect(rows).toHaveLength(0);
  });

  it('numbers sign-in attempts per email within the window, and starts afresh after it or a success', async () => {
    const email = 'counted@desk.example';
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 1; i <= 5; i++) expect(await recordAttempt(database.db, email, new Date(t0 + i * 1000))).toBe(i);
    expect(await recordAttempt(database.db, email, new Date(t0 + THROTTLE_WINDOW_MS + 2000))).toBe(1);
    await clearAttempts(database.db, email);
    expect(await recordAttempt(database.db, email, new Date(t0 + THROTTLE_WINDOW_MS + 3000))).toBe(1);
  });

  it('gives concurrent attempts distinct numbers, so parallel guesses wait in turn', async () => {
    const email = 'race@desk.example';
    const now = new Date('2026-02-01T00:00:00Z');
    const numbers = await Promise.all(Array.from({ length: 8 }, () => recordAttempt(database.db, email, now)));
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('rotation re-seals every secret and keeps each readable', async () => {
    const oldKey = sealingKeyFrom(randomBytes(32));
    const newKey = sealingKeyFrom(randomBytes(32));
    const secrets = ['secret-one', 'secret-two', '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----'];
    for (const [i, secret] of secrets.entries()) {
      await database.db.insert(connections).values({
        name: `c${i}`, kind: 'master', baseUrl: 'http://127.0.0.1:4100', apiKey: `k${i}`, signerType: 'HMAC', sealedSecret: seal(secret, oldKey),
      });
    }
    const keyring = { current: newKey, all: [newKey, oldKey] };
    expect(await resealAll(database.db, keyring)).toEqual({ resealed: 3, unchanged: 0 });
    expect(await resealAll(database.db, keyring)).toEqual({ resealed: 0, unchanged: 3 });
    const rows = await database.db.select().from(connections).orderBy(connections.name);
    expect(rows.map((r) => unseal(r.sealedSecret, [newKey]))).toEqual(secrets);
    expect(() => unseal(rows[0]!.sealedSecret, [oldKey])).toThrow();
  });
});
