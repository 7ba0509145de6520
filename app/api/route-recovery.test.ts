import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as enrolRoute } from '@/app/api/second-factor/enrol/route';
import { POST as recoveryCodesRoute } from '@/app/api/second-factor/recovery-codes/route';
import { POST as recoveryRoute } from '@/app/api/second-factor/recovery/route';
import { POST as codeRoute } from '@/app/api/second-factor/route';
import { createSession } from '@/lib/server/auth/session-store';
import { invalidateSessionCache } from '@/lib/server/auth/session-cache';
import { setDatabaseForTesting, type Database } from '@/lib/server/db/client';
import { auditLog, recoveryCodes, sessions, totpFactors } from '@/lib/server/db/schema';
import { testDatabases } from '@/lib/testing/databases';
import { cookieForSession, OWN_PAGE_HEADERS, signedInSession, TEST_AUTH_SECRET } from '@/lib/testing/sessions';

type Handler = typeof codeRoute;
type Session = { cookie: string; userId: string; sessionId: string };
type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string; message: string }; recoveryCodes?: string[]; secret?: string } };

// docs/security.md, "Recovery": an authenticator is replaced only after a proof with a working factor; ten
// one-time recovery codes, made at enrolment and stored hashed, let a user who lost it prove a session and enrol again.
describe('recovery: replacing an authenticator and one-time recovery codes', () => {
  let database: Database;
  let owner: Session;
  let codes: string[];
  let secret: string;
  /**
   * A code for the current time step, after moving the clock (Date only) to the next step: the server accepts each
   * step once and a code only within a step of now, and this test proves many times with one secret.
   */
  const codeFor = (s: string) => {
    vi.setSystemTime(Date.now() + 30_000);
    return generate({ secret: s });
  };

  const send = async (handler: Handler, path: string, body: unknown, session: Session): Promise<Answer> => {
    const res = await handler(new Request(`http://localhost${path}`, { method: 'POST', headers: { ...OWN_PAGE_HEADERS, cookie: session.cookie }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  const newSession = async (): Promise<Session> => {
    const sessionId = await createSession(database.db, owner.userId);
    invalidateSessionCache();
    return { userId: owner.userId, sessionId, cookie: await cookieForSession(owner.userId, 'owner', sessionId) };
  };
  const stepUpAt = async (s: Session) => (await database.db.select({ at: sessions.stepUpAt }).from(sessions).where(eq(sessions.id, s.sessionId)))[0]!.at;
  const storedSecret = async () => (await database.db.select({ sealed: totpFactors.sealedSecret }).from(totpFactors).where(eq(totpFactors.userId, owner.userId)))[0]!.sealed;
  const trail = async () => (await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, owner.userId))).map((r) => r.action);

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    vi.useFakeTimers({ toFake: ['Date'] });
    database = await testDatabases()[0]!.open();
    setDatabaseForTesting(database);
    owner = await signedInSession(database.db, 'owner', { steppedUp: false });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await database?.close();
  });

  it('the first authenticator comes with ten recovery codes, shown once and stored only as hashes', async () => {
    const started = await send(enrolRoute, '/api/second-factor/enrol', {}, owner);
    expect(started.status).toBe(200);
    secret = started.body.secret!;
    const confirmed = await send(codeRoute, '/api/second-factor', { code: await codeFor(secret) }, owner);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    codes = confirmed.body.recoveryCodes!;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    expect(confirmed.body.recoveryCodesLeft).toBe(10);
    const stored = await database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, owner.userId));
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(stored);
    for (const code of codes) expect(dump).not.toContain(code.replace(/-/g, ''));
    // A later code proves the session but makes no new set.
    expect((await send(codeRoute, '/api/second-factor', { code: await codeFor(secret) }, owner)).body.recoveryCodes).toBeUndefined();
  });

  it('replacing the authenticator needs a recent proof; the old one works until the new one’s first code', async () => {
    const stale = await newSession();
    const refused = await send(enrolRoute, '/api/second-factor/enrol', {}, stale);
    expect(refused.status).toBe(403);
    expect(refused.body.error!.code).toBe('step_up_required');
    const before = await storedSecret();

    expect((await send(codeRoute, '/api/second-factor', { code: await codeFor(secret) }, stale)).status).toBe(200);
    const started = await send(enrolRoute, '/api/second-factor/enrol', {}, stale);
    expect(started.status).toBe(200);
    expect(started.body.replacing).toBe(true);
    const replacement = started.body.secret!;
    expect(await storedSecret()).toBe(before);
    // Until confirmed, the old authenticator still proves a session.
    expect((await send(codeRoute, '/api/second-factor', { code: await codeFor(secret) }, await newSession())).status).toBe(200);

    expect((await send(codeRoute, '/api/second-factor', { code: await codeFor(replacement) }, stale)).status).toBe(200);
    expect(await storedSecret()).not.toBe(before);
    const old = await send(codeRoute, '/api/second-factor', { code: await codeFor(secret) }, await newSession());
    expect(old.status).toBe(400);
    expect(old.body.error!.code).toBe('wrong_code');
    secret = replacement;
    expect(await trail()).toContain('auth.totp_replaced');
  });

  it('a lost authenticator: a recovery code proves the session once, and the user enrols a new one', async () => {
    const session = await newSession();
    const wrong = await send(recoveryRoute, '/api/second-factor/recovery', { code: 'aaaa-bbbb-cccc-dddd' }, session);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error!.code).toBe('wrong_code');
    expect(await stepUpAt(session)).toBeNull();

    // Typed in capitals without the dashes, as people do.
    const used = await send(recoveryRoute, '/api/second-factor/recovery', { code: codes[0]!.replace(/-/g, '').toUpperCase() }, session);
    expect(used.status, JSON.stringify(used.body)).toBe(200);
    expect(used.body.recoveryCodesLeft).toBe(9);
    expect(await stepUpAt(session)).not.toBeNull();

    const again = await newSession();
    expect((await send(recoveryRoute, '/api/second-factor/recovery', { code: codes[0] }, again)).status).toBe(400);
    expect(await stepUpAt(again)).toBeNull();

    const started = await send(enrolRoute, '/api/second-factor/enrol', {}, session);
    expect(started.status).toBe(200);
    expect((await send(codeRoute, '/api/second-factor', { code: await codeFor(started.body.secret!) }, session)).status).toBe(200);
    expect(await trail()).toEqual(expect.arrayContaining(['auth.recovery_code_used', 'auth.step_up_failed', 'auth.totp_replaced']));
  });

  it('a new set needs a recent proof and retires the old one', async () => {
    const stale = await newSession();
    expect((await send(recoveryCodesRoute, '/api/second-factor/recovery-codes', {}, stale)).status).toBe(403);
    expect((await send(recoveryRoute, '/api/second-factor/recovery', { code: codes[1] }, stale)).status).toBe(200);
    const made = await send(recoveryCodesRoute, '/api/second-factor/recovery-codes', {}, stale);
    expect(made.status).toBe(200);
    expect(made.body.recoveryCodes).toHaveLength(10);
    const session = await newSession();
    expect((await send(recoveryRoute, '/api/second-factor/recovery', { code: codes[2] }, session)).status).toBe(400);
    expect((await send(recoveryRoute, '/api/second-factor/recovery', { code: made.body.recoveryCodes![0] }, session)).status).toBe(200);
  });
});
