import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as removeRoute } from '@/app/api/second-factor/passkeys/[id]/route';
import { POST as assertionRoute } from '@/app/api/second-factor/passkeys/assertion/route';
import { POST as optionsRoute } from '@/app/api/second-factor/passkeys/options/route';
import { POST as registerRoute } from '@/app/api/second-factor/passkeys/route';
import { getEnv } from '@/lib/env';
import { relyingPartyFor } from '@/lib/security/passkey-origin';
import { authenticationOptions } from '@/lib/server/auth/passkeys';
import { setDatabaseForTesting, type Database } from '@/lib/server/db/client';
import { auditLog, passkeys, sessions } from '@/lib/server/db/schema';
import { testDatabases } from '@/lib/testing/databases';
import { cookieForSession, OWN_PAGE_HEADERS, signedInSession, TEST_AUTH_SECRET } from '@/lib/testing/sessions';
import { createSession } from '@/lib/server/auth/session-store';
import { invalidateSessionCache } from '@/lib/server/auth/session-cache';
import { SoftAuthenticator } from '@/lib/testing/soft-authenticator';

type Handler = typeof optionsRoute;
type Session = { cookie: string; userId: string; sessionId: string };

// docs/security.md, "Second factor": passkeys answer a single-use challenge issued to the session, from the app's
// own origin, with a counter that rises; anything else is refused and proves nothing.
describe('passkeys: enrolment and step-up', () => {
  let database: Database;
  let owner: Session;
  const origin = relyingPartyFor(getEnv())!.origin;
  const key = new SoftAuthenticator({ origin });

  const send = async (handler: Handler, path: string, body: unknown, session: Session, method = 'POST', params: Record<string, string> = {}) => {
    const res = await handler(new Request(`http://localhost${path}`, { method, headers: { ...OWN_PAGE_HEADERS, cookie: session.cookie }, body: JSON.stringify(body) }), { params: Promise.resolve(params) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
  };
  const options = async (ceremony: 'register' | 'authenticate', session: Session) => {
    const res = await send(optionsRoute, '/api/second-factor/passkeys/options', { ceremony }, session);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as unknown as { challenge: string; rp: { id: string }; rpId: string };
  };
  /** Everything a refused ceremony must leave as it was: the passkeys, their counters, the session's proof, the audit log. */
  const state = async (session: Session) => ({
    passkeys: await database.db.select({ id: passkeys.id, counter: passkeys.counter, lastUsedAt: passkeys.lastUsedAt }).from(passkeys),
    stepUpAt: (await database.db.select({ at: sessions.stepUpAt }).from(sessions).where(eq(sessions.id, session.sessionId)))[0]!.at,
    audit: (await database.db.select({ n: count() }).from(auditLog))[0]!.n,
  });
  /** A second sign-in of the same user: a session with no proof yet. */
  const newSession = async (userId: string): Promise<Session> => {
    const sessionId = await createSession(database.db, userId);
    invalidateSessionCache();
    return { userId, sessionId, cookie: await cookieForSession(userId, 'owner', sessionId) };
  };

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    database = await testDatabases()[0]!.open();
    setDatabaseForTesting(database);
    owner = await signedInSession(database.db, 'owner', { steppedUp: false });
  });
  afterAll(async () => database?.close());

  it('an owner with no factor enrols a passkey; that proves the session; the same answer again is refused', async () => {
    const opts = await options('register', owner);
    expect(opts.rp.id).toBe(new URL(origin).hostname);
    const answer = key.register(opts);
    const res = await send(registerRoute, '/api/second-factor/passkeys', { name: 'YubiKey', response: answer }, owner);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name: 'YubiKey', lastUsedAt: null });
    const after = await state(owner);
    expect(after.passkeys).toHaveLength(1);
    expect(after.stepUpAt).not.toBeNull();

    const replayed = await send(registerRoute, '/api/second-factor/passkeys', { name: 'again', response: answer }, owner);
    expect(replayed.status).toBe(400);
    expect(replayed.body.error!.code).toBe('passkey_refused');
    expect(replayed.body.error!.message).toMatch(/expired or was already answered/);
    expect(await state(owner)).toEqual(after);
  });

  it('a second passkey needs a recent proof first; one made on another origin is refused', async () => {
    const stale = await newSession(owner.userId);
    const refused = await send(optionsRoute, '/api/second-factor/passkeys/options', { ceremony: 'register' }, stale);
    expect(refused.status).toBe(403);
    expect(refused.body.error!.code).toBe('step_up_required');

    const other = new SoftAuthenticator({ origin: 'https://marginwatch.phish.example' });
    const before = await state(owner);
    const res = await send(registerRoute, '/api/second-factor/passkeys', { name: 'phished', response: other.register(await options('register', owner)) }, owner);
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toMatch(/origin/i);
    expect(await state(owner)).toEqual(before);
  });

  it('a passkey assertion proves a new session; replayed, from another origin, unasked or stale, it proves nothing', async () => {
    const session = await newSession(owner.userId);
    const untouched = await state(session);
    expect(untouched.stepUpAt).toBeNull();
    const prove = (answer: unknown, on = session) => send(assertionRoute, '/api/second-factor/passkeys/assertion', { response: answer }, on);

    // A challenge the server never issued, and one issued three minutes ago (they last two).
    const unasked = await prove(key.assert({ challenge: Buffer.from('made-up-challenge').toString('base64url'), rpId: new URL(origin).hostname }));
    expect(unasked.status).toBe(400);
    const old = await authenticationOptions(database.db, owner.userId, session.sessionId, new Date(Date.now() - 3 * 60_000));
    expect((await prove(key.assert(old))).status).toBe(400);
    // The browser reports another origin: a look-alike page relaying the challenge.
    const phished = await prove(key.assert(await options('authenticate', session), 'https://marginwatch.phish.example'));
    expect(phished.status).toBe(400);
    expect(phished.body.error!.message).toMatch(/origin/i);
    expect(await state(session)).toEqual(untouched);

    const answer = key.assert(await options('authenticate', session));
    const proven = await prove(answer);
    expect(proven.status, JSON.stringify(proven.body)).toBe(200);
    expect(proven.body.freshUntil).not.toBeNull();
    const after = await state(session);
    expect(after.passkeys[0]!.counter).toBe(key.counter);
    expect(after.passkeys[0]!.lastUsedAt).not.toBeNull();

    // The same answer on another session (a stolen assertion) names a challenge that session was never issued.
    const thief = await newSession(owner.userId);
    const thiefBefore = await state(thief);
    expect((await prove(answer, thief)).status).toBe(400);
    expect((await prove(answer)).status).toBe(400);
    expect(await state(thief)).toEqual(thiefBefore);
  });

  it('a counter that does not rise (a cloned authenticator) is refused and changes nothing', async () => {
    const session = await newSession(owner.userId);
    const before = await state(session);
    key.counter = before.passkeys[0]!.counter - 1;
    const res = await send(assertionRoute, '/api/second-factor/passkeys/assertion', { response: key.assert(await options('authenticate', session)) }, session);
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toMatch(/counter/i);
    expect(await state(session)).toEqual(before);
  });

  it('removing a passkey needs a recent proof', async () => {
    const session = await newSession(owner.userId);
    const { id } = (await state(session)).passkeys[0]!;
    const refused = await send(removeRoute, `/api/second-factor/passkeys/${id}`, {}, session, 'DELETE', { id });
    expect(refused.status).toBe(403);
    expect(refused.body.error!.code).toBe('step_up_required');
    expect((await state(session)).passkeys).toHaveLength(1);

    key.counter = (await state(session)).passkeys[0]!.counter;
    expect((await send(assertionRoute, '/api/second-factor/passkeys/assertion', { response: key.assert(await options('authenticate', session)) }, session)).status).toBe(200);
    const removed = await send(removeRoute, `/api/second-factor/passkeys/${id}`, {}, session, 'DELETE', { id });
    expect(removed.status).toBe(200);
    expect((await state(session)).passkeys).toHaveLength(0);
    const trail = await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, owner.userId));
    expect(trail.map((t) => t.action)).toEqual(expect.arrayContaining(['auth.passkey_added', 'auth.step_up', 'auth.passkey_removed']));
  });
});
