import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/keys/special/route';
import { PUT as putIp } from '@/app/api/keys/special/ip/route';
import { loadScenario } from '@/sim/scenario';
import { OWN_PAGE_HEADERS, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';
import { ApiError } from '../api/errors';
import { loadKeyring } from '../crypto/keyring';
import { seal } from '../crypto/seal';
import { accountSnapshots, connections, specialKeySightings } from '../db/schema';
import { refreshAfterChange } from '../refresh/refresh-after-change';
import { demoRefreshed, email } from '../views/demo-refresh.test-support';
import { createSpecialKey, deleteSpecialKey, editSpecialKeyIp, type ActionActor } from './actions';
import { createSpecialKeySchema } from './schemas';

describe('special-key actions against the simulator', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let ownerCookie: string;
  const audits: { action: string; before?: unknown; after?: unknown }[] = [];
  const actor: ActionActor = { email: 'owner@test.example', audit: async (action, _t, change) => void audits.push({ action, ...change }) };
  const db = () => demo.database.db;
  const keyCalls = () => demo.sim.sim.recorder.requests.filter((r) => r.path === '/sapi/v1/margin/apiKey' || r.path === '/sapi/v1/margin/apiKey/ip');
  const input = (account: string, extra: object = {}) => createSpecialKeySchema.parse({ account: email(account), apiName: 'walk-01', ip: '203.0.113.10', ...extra });
  const ruleOf = async (account: string) =>
    (await db().select({ rule: accountSnapshots.rule }).from(accountSnapshots).where(eq(accountSnapshots.accountEmail, email(account))).orderBy(desc(accountSnapshots.takenAt)).limit(1))[0]!.rule;
  const post = async (path: string, handler: typeof POST, method: string, body: unknown) =>
    handler(new Request(`http://localhost${path}`, { method, headers: { ...OWN_PAGE_HEADERS, cookie: ownerCookie }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    demo = await demoRefreshed();
    ownerCookie = await sessionCookieFor(db(), 'owner');
    // The owner stores desk-charlie's trading key in place of its read-only one, as Settings → Connections would.
    const scenario = await loadScenario('demo');
    const trading = scenario.subAccounts.find((s) => s.email === email('desk-charlie'))!.keys.find((k) => k.name === 'charlie-trading')!;
    await db().update(connections).set({ name: trading.name, apiKey: trading.apiKey, sealedSecret: seal(trading.secretKey!, loadKeyring().current), permissions: trading.permissions })
      .where(and(eq(connections.kind, 'sub'), eq(connections.accountEmail, email('desk-charlie'))));
  }, 60_000);
  afterAll(async () => demo?.close());

  it('refuses bad input with a clear 400 and sends nothing to the exchange', async () => {
    const before = keyCalls().length;
    const res = await post('/api/keys/special', POST, 'POST', { account: email('desk-charlie'), apiName: 'walk-01', ip: '10.0.0.1, 999.1.1.1', confirmBinding: true });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/"999\.1\.1\.1" is not an IPv4 or IPv6 address/);
    const tooMany = await post('/api/keys/special', POST, 'POST', { account: email('desk-charlie'), apiName: 'walk-01', ip: Array.from({ length: 31 }, (_, i) => `10.0.0.${i}`).join(','), confirmBinding: true });
    expect((await tooMany.json()).error.message).toMatch(/At most 30 addresses/);
    const badIp = await post('/api/keys/special/ip', putIp, 'PUT', { keyId: 'special:00000000-0000-4000-8000-000000000000', ip: '1.2.3.4/40' });
    expect(badIp.status).toBe(400);
    expect(keyCalls().length).toBe(before);
  });

  it.each([
    ['desk-india', /Cross Margin Pro, which does not support special keys/],
    ['desk-mike', /Binance refuses new special keys until/],
    ['desk-hotel', /already holds 30 of 30 keys/],
    ['desk-kilo', /No normal key with spot & margin trading is stored/],
  ])('%s: refused as the exchange would, before any request', async (account, message) => {
    const before = keyCalls().length;
    await expect(createSpecialKey(db(), input(account), actor)).rejects.toThrow(message);
    expect(keyCalls().length).toBe(before);
  });

  it('asks to confirm the binding before the first special key on a Cross Classic account', async () => {
    const error = await createSpecialKey(db(), input('desk-charlie'), actor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('binding_confirmation_required');
    expect((error as ApiError).message).toMatch(/Deleting the key later does not release the account/);
  });

  it('creates, edits and deletes a special key, re-reading the list each time; the account stays bound', async () => {
    const created = await createSpecialKey(db(), input('desk-charlie', { confirmBinding: true }), actor);
    expect(created.secretKey).toMatch(/^[A-Za-z0-9]{64}$/);
    const simKey = demo.sim.sim.state.keyIndex.get(created.apiKey)!.key;
    expect(simKey).toMatchObject({ kind: 'special', ip: ['203.0.113.10'] });
    expect(JSON.stringify(audits)).not.toContain(created.secretKey);
    expect(JSON.stringify(audits)).not.toContain(created.apiKey);
    await refreshAfterChange(db(), demo.masterId, null);
    expect(await ruleOf('desk-charlie')).toBe('BOUND_SPECIAL_KEY');

    const edited = await editSpecialKeyIp(db(), created.keyId, ['198.51.100.0/24', '2001:db8::1'], actor);
    expect(edited.ip).toEqual(['198.51.100.0/24', '2001:db8::1']);
    expect(simKey.ip).toEqual(['198.51.100.0/24', '2001:db8::1']);
    const [sighting] = await db().select().from(specialKeySightings).where(eq(specialKeySightings.apiKey, created.apiKey));
    expect(sighting!.changedAt).not.toBeNull();

    const deleted = await deleteSpecialKey(db(), created.keyId, actor);
    expect(deleted.liquidationLoan).toMatch(/Deleting a key is not an exit/);
    expect(demo.sim.sim.state.keyIndex.has(created.apiKey)).toBe(false);
    await refreshAfterChange(db(), demo.masterId, null);
    expect(await ruleOf('desk-charlie')).toBe('BOUND_KEYS_DELETED_EXIT_UNCONFIRMED');
    expect(audits.map((a) => a.action)).toEqual(['keys.create_special', 'keys.edit_ip', 'keys.delete_special']);
    await expect(deleteSpecialKey(db(), created.keyId, actor)).rejects.toThrow(/already deleted/);
  }, 60_000);
});
