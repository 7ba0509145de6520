import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DELETE, POST } from '@/app/api/keys/special/route';
import { POST as repay } from '@/app/api/exit/repay/route';
import { loadKeyring } from '@/lib/server/crypto/keyring';
import { seal } from '@/lib/server/crypto/seal';
import { connections } from '@/lib/server/db/schema';
import { refreshAfterChange } from '@/lib/server/refresh/refresh-after-change';
import { demoRefreshed, email } from '@/lib/server/views/demo-refresh.test-support';
import { OWN_PAGE_HEADERS, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';
import { loadScenario } from '@/sim/scenario';

type Handler = typeof POST;

// docs/security.md, "Acting once": ten parallel clicks act once on the exchange.
describe('an action on the exchange acts once however often it is sent', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let owner: string;
  const CHARLIE = email('desk-charlie');
  const send = (handler: Handler, method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    handler(new Request(`http://localhost${path}`, { method, headers: { ...OWN_PAGE_HEADERS, cookie: owner, ...headers }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  const simCalls = (method: string, path: string) => demo.sim.sim.recorder.requests.filter((r) => r.method === method && r.path === path).length;
  const specialKeysOf = (account: string) => [...demo.sim.sim.state.accounts.find((a) => a.email === account)!.keys.values()].filter((k) => k.kind === 'special');
  const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();
  // Key actions and repays start a refresh of the master; wait for it so none reads the database after close.
  // The exchange's delay only has to hold the ten requests together: the refreshes after them need none
  // (with it, each refresh's many reads took seconds).
  const settle = () => {
    demo.sim.sim.faults.latencyMs = 0;
    return refreshAfterChange(demo.database.db, demo.masterId, null);
  };

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    demo = await demoRefreshed();
    owner = await sessionCookieFor(demo.database.db, 'owner');
    // The owner stores desk-charlie's trading key, as Settings → Connections would: creating a special key needs one.
    const scenario = await loadScenario('demo');
    const trading = scenario.subAccounts.find((s) => s.email === CHARLIE)!.keys.find((k) => k.name === 'charlie-trading')!;
    await demo.database.db
      .update(connections)
      .set({ name: trading.name, apiKey: trading.apiKey, sealedSecret: seal(trading.secretKey!, loadKeyring().current), permissions: trading.permissions })
      .where(and(eq(connections.kind, 'sub'), eq(connections.accountEmail, CHARLIE)));
  }, 60_000);
  afterEach(() => {
    demo.sim.sim.faults.latencyMs = 0;
  });
  afterAll(async () => demo?.close());

  it('ten parallel creates make one special key; the other nine get 409 and send nothing', async () => {
    // Each exchange call takes 200 ms, so the first create is certainly still under way when the nine arrive.
    demo.sim.sim.faults.latencyMs = 200;
    const [keysBefore, callsBefore] = [specialKeysOf(CHARLIE).length, simCalls('POST', '/sapi/v1/margin/apiKey')];
    const body = { account: CHARLIE, apiName: 'twice-01', ip: '203.0.113.10', confirmBinding: true };
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => send(POST, 'POST', '/api/keys/special', body, { 'idempotency-key': `create-click-${i}` })));
    expect(statuses(responses)).toEqual([200, ...Array(9).fill(409)]);
    const refused = await Promise.all(responses.filter((r) => r.status === 409).map((r) => r.json() as Promise<{ error: { code: string } }>));
    expect(new Set(refused.map((r) => r.error.code))).toEqual(new Set(['in_progress']));
    expect(specialKeysOf(CHARLIE).length).toBe(keysBefore + 1);
    expect(simCalls('POST', '/sapi/v1/margin/apiKey')).toBe(callsBefore + 1);

    // The request that acted, sent again with its Idempotency-Key (a retry after a lost answer): nothing again.
    const winner = responses.findIndex((r) => r.status === 200);
    const replay = await send(POST, 'POST', '/api/keys/special', body, { 'idempotency-key': `create-click-${winner}` });
    expect(replay.status).toBe(409);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('duplicate_request');
    expect(specialKeysOf(CHARLIE).length).toBe(keysBefore + 1);
    await settle();

    // Ten parallel deletes of that key: one DELETE reaches the exchange.
    demo.sim.sim.faults.latencyMs = 200;
    const { keyId } = (await responses[winner]!.json()) as { keyId: string };
    const deletesBefore = simCalls('DELETE', '/sapi/v1/margin/apiKey');
    const deletes = await Promise.all(Array.from({ length: 10 }, () => send(DELETE, 'DELETE', '/api/keys/special', { keyId })));
    expect(statuses(deletes)).toEqual([200, ...Array(9).fill(409)]);
    expect(simCalls('DELETE', '/sapi/v1/margin/apiKey')).toBe(deletesBefore + 1);
    expect(specialKeysOf(CHARLIE).length).toBe(keysBefore);
    await settle();
  }, 60_000);

  it('ten parallel repays of the same account send one repay', async () => {
    demo.sim.sim.faults.latencyMs = 200;
    const before = simCalls('POST', '/sapi/v1/margin/borrow-repay');
    const body = { account: email('desk-hotel'), kind: 'MARGIN', asset: 'ETH', amount: '1' };
    const responses = await Promise.all(Array.from({ length: 10 }, () => send(repay, 'POST', '/api/exit/repay', body)));
    expect(statuses(responses)).toEqual([200, ...Array(9).fill(409)]);
    expect(simCalls('POST', '/sapi/v1/margin/borrow-repay')).toBe(before + 1);
    await settle();
  }, 60_000);

  it('a failed action releases its scope and its key: the same click may be tried again', async () => {
    // desk-india is on Cross Margin Pro: refused before anything is sent.
    const body = { account: email('desk-india'), apiName: 'retry-01', ip: '203.0.113.10', confirmBinding: true };
    const codeOf = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error;
    const first = await codeOf(await send(POST, 'POST', '/api/keys/special', body, { 'idempotency-key': 'retry-click-1' }));
    expect(first.message).toMatch(/Cross Margin Pro/);
    const again = await codeOf(await send(POST, 'POST', '/api/keys/special', body, { 'idempotency-key': 'retry-click-1' }));
    expect(again).toEqual(first);
  });
});
