import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as overview } from '@/app/api/overview/route';
import { setDatabaseForTesting, type Database } from '@/lib/server/db/client';
import { testDatabases } from '@/lib/testing/databases';
import { cookieForSession, TEST_AUTH_SECRET } from '@/lib/testing/sessions';
import { sessions } from '../db/schema';
import { createUser, setUserRole } from '../users';
import { invalidateSessionCache, userForSession } from './session-cache';
import { ABSOLUTE_LIFETIME_MS, EPOCH_CHECK_MS, IDLE_TIMEOUT_MS } from './session-policy';
import { bumpAuthEpoch, createSession, revokeSession, revokeUserSessions } from './session-store';

const MIN = 60_000;

describe('sessions that end (session table, cached per instance)', () => {
  let database: Database;
  let uid: string;
  const db = () => database.db;
  const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);
  const newUser = async (role: 'owner' | 'ops' = 'owner') =>
    (await createUser(db(), { email: `u-${Math.random().toString(36).slice(2)}@test.example`, name: 'u', role, password: 'correct horse battery staple' })).id;

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    database = await testDatabases()[0]!.open();
    setDatabaseForTesting(database);
    uid = await newUser();
  });
  afterAll(async () => database?.close());

  it('a fresh session stands for its user; a revoked one for nobody, at once on this instance', async () => {
    const t0 = new Date();
    const sid = await createSession(db(), uid, t0);
    invalidateSessionCache();
    expect(await userForSession(db(), { uid, sid }, t0)).toMatchObject({ id: uid, role: 'owner' });
    await revokeSession(db(), sid);
    invalidateSessionCache();
    expect(await userForSession(db(), { uid, sid }, t0)).toBeNull();
  });

  it('refuses a token naming another user’s session, or none', async () => {
    const sid = await createSession(db(), uid);
    invalidateSessionCache();
    expect(await userForSession(db(), { uid: await newUser(), sid })).toBeNull();
    expect(await userForSession(db(), { uid })).toBeNull();
  });

  it('ends after the idle timeout, counted from the last use', async () => {
    const t0 = new Date();
    const sid = await createSession(db(), uid, t0);
    invalidateSessionCache();
    expect(await userForSession(db(), { uid, sid }, at(t0, IDLE_TIMEOUT_MS - MIN))).not.toBeNull();
    expect(await userForSession(db(), { uid, sid }, at(t0, 2 * IDLE_TIMEOUT_MS - 2 * MIN))).not.toBeNull();
    expect(await userForSession(db(), { uid, sid }, at(t0, 3 * IDLE_TIMEOUT_MS))).toBeNull();
  });

  it('ends at the absolute lifetime however busy', async () => {
    const t0 = new Date();
    const sid = await createSession(db(), uid, t0);
    invalidateSessionCache();
    for (let t = 0; t < ABSOLUTE_LIFETIME_MS; t += IDLE_TIMEOUT_MS / 2) {
      expect(await userForSession(db(), { uid, sid }, at(t0, t)), `at ${t / MIN} min`).not.toBeNull();
    }
    expect(await userForSession(db(), { uid, sid }, at(t0, ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it('idle on this instance but used on another: the database has the last use, so the session lives', async () => {
    const t0 = new Date();
    const sid = await createSession(db(), uid, t0);
    invalidateSessionCache();
    expect(await userForSession(db(), { uid, sid }, t0)).not.toBeNull();
    // The other instance wrote its last use (it does so at most once a minute per session).
    await db().update(sessions).set({ lastSeenAt: at(t0, IDLE_TIMEOUT_MS) });
    expect(await userForSession(db(), { uid, sid }, at(t0, IDLE_TIMEOUT_MS + 10 * MIN))).not.toBeNull();
  });

  it('sign out everywhere ends every session of the user and no one else’s', async () => {
    const other = await newUser('ops');
    const [a, b, c] = [await createSession(db(), uid), await createSession(db(), uid), await createSession(db(), other)];
    expect(await revokeUserSessions(db(), uid)).toBeGreaterThanOrEqual(2);
    invalidateSessionCache();
    expect(await userForSession(db(), { uid, sid: a })).toBeNull();
    expect(await userForSession(db(), { uid, sid: b })).toBeNull();
    expect(await userForSession(db(), { uid: other, sid: c })).toMatchObject({ role: 'ops' });
  });

  it('a role change shows on the next request', async () => {
    const id = await newUser('owner');
    const sid = await createSession(db(), id);
    invalidateSessionCache();
    expect((await userForSession(db(), { uid: id, sid }))?.role).toBe('owner');
    const user = await database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, id) });
    await setUserRole(db(), user!.email, 'ops');
    invalidateSessionCache();
    expect((await userForSession(db(), { uid: id, sid }))?.role).toBe('ops');
  });

  it('another instance’s revocation is seen within EPOCH_CHECK_MS, without a query per request before that', async () => {
    const t0 = new Date();
    const sid = await createSession(db(), uid, t0);
    invalidateSessionCache();
    expect(await userForSession(db(), { uid, sid }, t0)).not.toBeNull();
    const select = vi.spyOn(db(), 'select');
    for (let i = 0; i < 100; i++) expect(await userForSession(db(), { uid, sid }, at(t0, i))).not.toBeNull();
    expect(select).not.toHaveBeenCalled();
    // Another instance revokes it: same database, but this process's cache is not told.
    await db().update(sessions).set({ revokedAt: t0 });
    await bumpAuthEpoch(db());
    expect(await userForSession(db(), { uid, sid }, at(t0, EPOCH_CHECK_MS - 1))).not.toBeNull();
    expect(await userForSession(db(), { uid, sid }, at(t0, EPOCH_CHECK_MS + 1))).toBeNull();
    select.mockRestore();
  });

  it('an API route answers 401 to the cookie of a revoked session', async () => {
    const sid = await createSession(db(), uid);
    invalidateSessionCache();
    const cookie = await cookieForSession(uid, 'owner', sid);
    const call = () => overview(new Request('http://localhost/api/overview', { headers: { cookie } }), { params: Promise.resolve({}) });
    expect((await call()).status).not.toBe(401);
    await revokeSession(db(), sid);
    invalidateSessionCache();
    expect((await call()).status).toBe(401);
  });
});
