import { count, eq } from 'drizzle-orm';
import { generate, generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as repay } from '@/app/api/exit/repay/route';
import { POST as prove } from '@/app/api/second-factor/route';
import { needsStepUp } from '@/lib/security/step-up';
import { enrolSecret } from '@/lib/server/auth/second-factor';
import { auditLog, sessions } from '@/lib/server/db/schema';
import { demoRefreshed, email } from '@/lib/server/views/demo-refresh.test-support';
import { handlersOf, requestFor, routeFiles } from '@/lib/testing/route-walk';
import { OWN_PAGE_HEADERS, signedInSession, TEST_AUTH_SECRET } from '@/lib/testing/sessions';

type Handler = typeof repay;

// docs/security.md, "Second factor": an action on the exchange or the connections without a recent code is
// refused before it is read, and nothing reaches the exchange.
describe('actions on the exchange or the connections need a recent second factor', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let owner: Awaited<ReturnType<typeof signedInSession>>;
  const secret = generateSecret();
  const send = (handler: Handler, path: string, body: unknown, cookie = owner.cookie) =>
    handler(new Request(`http://localhost${path}`, { method: 'POST', headers: { ...OWN_PAGE_HEADERS, cookie }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
  const repays = () => demo.sim.sim.recorder.requests.filter((r) => r.method === 'POST' && r.path === '/sapi/v1/margin/borrow-repay').length;
  const ethRepay = { account: email('desk-hotel'), kind: 'MARGIN', asset: 'ETH', amount: '1' };

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    demo = await demoRefreshed();
    owner = await signedInSession(demo.database.db, 'owner', { steppedUp: false });
    await enrolSecret(demo.database.db, owner.userId, secret);
  }, 60_000);
  afterAll(async () => demo?.close());

  it('every guarded route answers 403 step_up_required; nothing is written or sent to the exchange', async () => {
    const audit = async () => (await demo.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    const [auditBefore, simBefore] = [await audit(), demo.sim.sim.recorder.requests.length];
    const refused: string[] = [];
    for (const file of routeFiles()) {
      for (const [method, handler] of await handlersOf(file)) {
        if (!handler.permission || !needsStepUp(handler.permission as never, method)) continue;
        const res = await handler(...requestFor(file, method, { headers: { ...OWN_PAGE_HEADERS, cookie: owner.cookie }, values: { id: demo.masterId } }));
        expect(res.status, `${method} ${file}`).toBe(403);
        expect(await errorCode(res), `${method} ${file}`).toBe('step_up_required');
        refused.push(`${method} ${file}`);
      }
    }
    // Keys (3), the exit (start, 4 commands, repay), connections (4), the terms.
    expect(refused.length).toBeGreaterThanOrEqual(14);
    expect(await audit()).toBe(auditBefore);
    expect(demo.sim.sim.recorder.requests.length).toBe(simBefore);
  }, 60_000);

  it('a repay without a code sends nothing; a wrong code is refused; after the right one the same request acts, once per code', async () => {
    const before = repays();
    const refused = await send(repay, '/api/exit/repay', ethRepay);
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('step_up_required');
    expect(repays()).toBe(before);

    const right = await generate({ secret });
    const wrong = right === '000000' ? '111111' : '000000';
    const rejected = await send(prove, '/api/second-factor', { code: wrong });
    expect(rejected.status).toBe(400);
    expect(await errorCode(rejected)).toBe('wrong_code');
    expect((await send(repay, '/api/exit/repay', ethRepay)).status).toBe(403);
    expect(repays()).toBe(before);

    const proven = await send(prove, '/api/second-factor', { code: right });
    expect(proven.status).toBe(200);
    expect(((await proven.json()) as { freshUntil: string | null }).freshUntil).not.toBeNull();
    expect((await send(repay, '/api/exit/repay', ethRepay)).status).toBe(200);
    expect(repays()).toBe(before + 1);

    // The same code again (seen over a shoulder, say) proves nothing.
    const replayed = await send(prove, '/api/second-factor', { code: right });
    expect(replayed.status).toBe(400);
    expect(await errorCode(replayed)).toBe('wrong_code');
  }, 60_000);

  it('wrong codes are answered later and later, never locked: the right code still proves the session', async () => {
    const user = await signedInSession(demo.database.db, 'owner', { steppedUp: false });
    const own = generateSecret();
    await enrolSecret(demo.database.db, user.userId, own);
    const right = await generate({ secret: own });
    const wrong = right === '000000' ? '111111' : '000000';
    const timed = async (code: string) => {
      const started = performance.now();
      const res = await send(prove, '/api/second-factor', { code }, user.cookie);
      return { status: res.status, ms: performance.now() - started };
    };
    for (let i = 0; i < 3; i++) expect((await timed(wrong)).status).toBe(400);
    // The fourth wrong code in the window waits a second before its answer (CODE_DELAY).
    const fourth = await timed(wrong);
    expect(fourth.status).toBe(400);
    expect(fourth.ms).toBeGreaterThanOrEqual(1000);
    expect((await timed(right)).status).toBe(200);
  }, 60_000);

  it('a proof older than five minutes is asked for again', async () => {
    await demo.database.db.update(sessions).set({ stepUpAt: new Date(Date.now() - 5 * 60_000 - 1000) }).where(eq(sessions.id, owner.sessionId));
    const before = repays();
    const res = await send(repay, '/api/exit/repay', ethRepay);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('step_up_required');
    expect(repays()).toBe(before);
  });

  it('an owner without an authenticator is told to set one up', async () => {
    const other = await signedInSession(demo.database.db, 'owner', { steppedUp: false });
    const res = await send(repay, '/api/exit/repay', ethRepay, other.cookie);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('second_factor_not_enrolled');
  });
});
