import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/server/api/errors';
import { auditLog, connections, specialKeySightings } from '@/lib/server/db/schema';
import { loadScenario, parseScenario, type Scenario } from '@/sim/scenario';
import { ed25519Key } from '@/sim/testing/scenarios';
import { addMasterConnection, addSubAccountKey, listConnections, removeConnection, rotateSecret } from './index';
import { auditEntries, changeContext, type Harness, keyOf, openHarness, simGet } from './test-support';

let h: Harness;
let scenario: Scenario;

const masterInput = () => ({ name: 'FundX master', baseUrl: h.sim.url, ...keyOf(scenario, 'marginwatch-master-read') });
const subInput = (email: string, keyName: string) => ({ accountEmail: email, ...keyOf(scenario, keyName) });
const rows = () => h.database.db.select().from(connections);

async function expectApiError(p: Promise<unknown>, status: number, code: string, message?: RegExp) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ApiError);
  expect((e as ApiError).status).toBe(status);
  expect((e as ApiError).code).toBe(code);
  if (message) expect((e as ApiError).message).toMatch(message);
}

beforeAll(async () => {
  const demo = await loadScenario('demo');
  scenario = parseScenario({
    ...demo,
    subAccounts: [...demo.subAccounts, { subUserId: 20000099, email: 'desk-zulu@fundx.example', keys: [ed25519Key('zulu-ed25519', 'normal')] }],
  });
  h = await openHarness(scenario);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.database.db.delete(connections);
  await h.database.db.delete(auditLog);
  await fetch(`${h.sim.url}/__sim/reset`, { method: 'POST' });
});

describe('master connections', () => {
  it('checks the key live, stores it sealed, lists it masked, and audits the creation without the secret', async () => {
    const input = masterInput();
    const view = await addMasterConnection(input, changeContext);
    expect(view).toMatchObject({ kind: 'master', name: 'FundX master', signerType: 'HMAC', maskedKey: `••••${input.apiKey.slice(-4)}` });
    expect(view.permissions).toMatchObject({ enableReading: true, enableWithdrawals: false, ipRestrict: true, accountType: 'MARGIN_1' });

    const [row] = await rows();
    expect(row!.sealedSecret).toMatch(/^v1:/);
    expect(row!.sealedSecret).not.toContain(input.secret);

    const listed = JSON.stringify(await listConnections());
    expect(listed).not.toContain(input.secret);
    expect(listed).not.toContain(input.apiKey);
    expect(listed).not.toContain(row!.sealedSecret);

    const [entry] = await auditEntries(h.database);
    expect(entry).toMatchObject({ action: 'connections.create', target: `connection:${view.id}` });
    const audited = JSON.stringify(entry);
    expect(audited).not.toContain(input.secret);
    expect(audited).not.toContain(input.apiKey);
  });

  it('refuses a wrong secret with the exchange’s reason and stores nothing', async () => {
    await expectApiError(addMasterConnection({ ...masterInput(), secret: 'x'.repeat(64) }, changeContext), 422, 'exchange_refused', /signature/);
    expect(await rows()).toHaveLength(0);
    expect(await auditEntries(h.database)).toHaveLength(0);
  });

  it('refuses an unknown key (-2015) and an unreachable base URL, storing nothing', async () => {
    await expectApiError(addMasterConnection({ ...masterInput(), apiKey: 'A'.repeat(64) }, changeContext), 422, 'exchange_refused', /-2015/);
    await expectApiError(addMasterConnection({ ...masterInput(), baseUrl: 'http://127.0.0.1:9' }, changeContext), 422, 'unreachable', /127\.0\.0\.1:9/);
    expect(await rows()).toHaveLength(0);
  });

  it('refuses a PEM that does not parse before any request, and the same key twice', async () => {
    await expectApiError(addMasterConnection({ ...masterInput(), signerType: 'ED25519', secret: 'not a pem' }, changeContext), 400, 'bad_request', /private key could not be read/);
    await addMasterConnection(masterInput(), changeContext);
    await expectApiError(addMasterConnection(masterInput(), changeContext), 409, 'conflict', /already stored/);
    expect(await rows()).toHaveLength(1);
  });

  it('two simultaneous adds of one key: one is stored, the other gets a clear 409 (unique index)', async () => {
    const results = await Promise.allSettled([addMasterConnection(masterInput(), changeContext), addMasterConnection(masterInput(), changeContext)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected')!.reason as ApiError;
    expect(refused).toBeInstanceOf(ApiError);
    expect([refused.status, refused.code]).toEqual([409, 'conflict']);
    expect(await rows()).toHaveLength(1);
  });
});

describe('sub-account keys', () => {
  it('stores a sub-account’s normal key (Ed25519 PEM) under its master', async () => {
    const master = await addMasterConnection(masterInput(), changeContext);
    const view = await addSubAccountKey(master.id, subInput('desk-zulu@fundx.example', 'zulu-ed25519'), changeContext);
    expect(view).toMatchObject({ kind: 'sub', masterId: master.id, accountEmail: 'desk-zulu@fundx.example', signerType: 'ED25519', baseUrl: h.sim.url });
    expect(view.permissions?.enableMargin).toBe(true);
  });

  it('surfaces withdrawals enabled as a flag and a warning', async () => {
    const master = await addMasterConnection(masterInput(), changeContext);
    const view = await addSubAccountKey(master.id, subInput('desk-kilo@fundx.example', 'kilo-treasury'), changeContext);
    expect(view.permissions?.enableWithdrawals).toBe(true);
    expect(view.permissions?.warnings.join(' ')).toMatch(/Withdrawals are enabled/);
  });

  it('refuses an email the master does not list, and a second key for the same sub-account', async () => {
    const master = await addMasterConnection(masterInput(), changeContext);
    await expectApiError(addSubAccountKey(master.id, subInput('nobody@fundx.example', 'alpha-monitor'), changeContext), 400, 'bad_request', /not a sub-account/);
    await addSubAccountKey(master.id, subInput('desk-alpha@fundx.example', 'alpha-monitor'), changeContext);
    await expectApiError(addSubAccountKey(master.id, subInput('desk-alpha@fundx.example', 'alpha-trading'), changeContext), 409, 'conflict', /already stored/);
    expect(await rows()).toHaveLength(2);
  });

  it('refuses a special key the exchange answers -2015 on /sapi, naming the special-key cause', async () => {
    const master = await addMasterConnection(masterInput(), changeContext);
    await expectApiError(addSubAccountKey(master.id, subInput('desk-lima@fundx.example', 'lima-hft-01'), changeContext), 422, 'exchange_refused', /Margin Special key/);
    expect(await rows()).toHaveLength(1);
  });

  it('refuses, with no request at all, a special key an earlier check saw in the account’s special-key list', async () => {
    const master = await addMasterConnection(masterInput(), changeContext);
    // Checking alpha-monitor reads desk-alpha's special-key list, which names alpha-hft-01.
    const monitor = await addSubAccountKey(master.id, subInput('desk-alpha@fundx.example', 'alpha-monitor'), changeContext);
    await removeConnection(monitor.id, changeContext);
    const special = keyOf(scenario, 'alpha-hft-01');
    await expectApiError(addSubAccountKey(master.id, subInput('desk-alpha@fundx.example', 'alpha-hft-01'), changeContext), 422, 'special_key', /Margin Special key/);
    const { requests } = await simGet<{ requests: Array<{ apiKey?: string }> }>(h.sim, 'requests');
    expect(requests.filter((r) => r.apiKey === special.apiKey)).toHaveLength(0);
    expect((await simGet<{ violations: unknown[] }>(h.sim, 'violations')).violations).toEqual([]);
    expect(await rows()).toHaveLength(1);
  });

  it('refuses, with no request at all, a key the refresh has seen as special (even since deleted)', async () => {
    const master = await addMasterConnection(masterInput(), changeContext);
    const special = keyOf(scenario, 'delta-hft-01');
    const seenAt = new Date();
    await h.database.db.insert(specialKeySightings).values({
      masterId: master.id, accountEmail: 'desk-delta@fundx.example', apiKey: special.apiKey, firstSeenAt: seenAt, lastSeenAt: seenAt, deletedAt: seenAt,
    });
    await expectApiError(addSubAccountKey(master.id, subInput('desk-delta@fundx.example', 'delta-hft-01'), changeContext), 422, 'special_key');
    const { requests } = await simGet<{ requests: Array<{ apiKey?: string }> }>(h.sim, 'requests');
    expect(requests.filter((r) => r.apiKey === special.apiKey)).toHaveLength(0);
    expect((await simGet<{ violations: unknown[] }>(h.sim, 'violations')).violations).toEqual([]);
    await h.database.db.delete(specialKeySightings);
  });
});

describe('rotate and remove', () => {
  it('rotates only after the new secret passes the live check, and re-seals it', async () => {
    const master = await addMasterConnection(masterInput(), changeContext);
    const [before] = await rows();
    await expectApiError(rotateSecret(master.id, 'y'.repeat(64), changeContext), 422, 'exchange_refused', /signature/);
    const [unchanged] = await rows();
    expect(unchanged!.sealedSecret).toBe(before!.sealedSecret);

    const rotated = await rotateSecret(master.id, masterInput().secret, changeContext);
    const [after] = await rows();
    expect(after!.sealedSecret).not.toBe(before!.sealedSecret);
    expect(rotated.updatedAt >= master.updatedAt).toBe(true);
    const [entry] = await auditEntries(h.database);
    expect(entry).toMatchObject({ action: 'connections.rotate', after: expect.objectContaining({ secret: 'replaced' }) });
    expect(JSON.stringify(entry)).not.toContain(masterInput().secret);
  });

  it('removing a master removes its sub-account keys, each audited', async () => {
    const master = await addMasterConnection(masterInput(), changeContext);
    const sub = await addSubAccountKey(master.id, subInput('desk-bravo@fundx.example', 'bravo-monitor'), changeContext);
    const { removed } = await removeConnection(master.id, changeContext);
    expect(removed.sort()).toEqual([master.id, sub.id].sort());
    expect(await rows()).toHaveLength(0);
    const deletes = (await auditEntries(h.database)).filter((e) => e.action === 'connections.delete');
    expect(deletes.map((e) => e.target).sort()).toEqual([`connection:${master.id}`, `connection:${sub.id}`].sort());
    await expectApiError(removeConnection(master.id, changeContext), 404, 'not_found');
  });

  it('keeps the row when removing a sub-account key', async () => {
    const master = await addMasterConnection(masterInput(), changeContext);
    const sub = await addSubAccountKey(master.id, subInput('desk-bravo@fundx.example', 'bravo-monitor'), changeContext);
    await removeConnection(sub.id, changeContext);
    expect((await rows()).map((r) => r.id)).toEqual([master.id]);
    expect(await h.database.db.select().from(connections).where(eq(connections.masterId, master.id))).toHaveLength(0);
  });
});
