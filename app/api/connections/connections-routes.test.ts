import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, type Harness, keyOf, openHarness } from '@/lib/server/connections/test-support';
import { OWN_PAGE_HEADERS, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';
import { loadScenario, type Scenario } from '@/sim/scenario';
import { DELETE } from './[id]/route';
import { GET as listSubs, POST as addSub } from './[id]/sub-accounts/route';
import { POST as readSubs } from './[id]/sub-accounts/read/route';
import { GET, POST } from './route';

let h: Harness;
let scenario: Scenario;
let owner: string;
let ops: string;

const call = (handler: typeof GET, cookie: string, init: { method?: string; body?: unknown; params?: Record<string, string> } = {}) =>
  handler(
    new Request('http://localhost/api/connections', {
      method: init.method ?? 'GET',
      headers: { cookie, ...OWN_PAGE_HEADERS },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  scenario = await loadScenario('demo');
  h = await openHarness(scenario);
  owner = await sessionCookieFor(h.database.db, 'owner');
  ops = await sessionCookieFor(h.database.db, 'ops');
});
afterAll(() => h.close());

describe('/api/connections', () => {
  it('owner adds a master; ops lists it masked; the audit entry names the owner and holds no secret', async () => {
    const master = keyOf(scenario, 'marginwatch-master-read');
    const created = await call(POST, owner, { method: 'POST', body: { name: 'FundX', baseUrl: h.sim.url, ...master } });
    expect(created.status).toBe(200);
    const { connection } = (await created.json()) as { connection: { id: string } };

    const listed = await call(GET, ops);
    const text = await listed.text();
    expect(listed.status).toBe(200);
    expect(text).toContain(`••••${master.apiKey.slice(-4)}`);
    expect(text).not.toContain(master.apiKey);
    expect(text).not.toContain(master.secret);
    expect(text).not.toContain('sealedSecret');

    // Adding the master listed its sub-accounts; the GET answers that list, and ops may read it again.
    const subList = (await (await call(listSubs, ops, { params: { id: connection.id } })).json()) as { listedAt: string; subAccounts: unknown[] };
    expect(subList.subAccounts).toHaveLength(scenario.subAccounts.length);
    const read = (await (await call(readSubs, ops, { method: 'POST', params: { id: connection.id } })).json()) as { listedAt: string; subAccounts: unknown[] };
    expect(read.subAccounts).toHaveLength(scenario.subAccounts.length);
    expect(new Date(read.listedAt).getTime()).toBeGreaterThanOrEqual(new Date(subList.listedAt).getTime());

    const [entry] = await auditEntries(h.database);
    expect(entry).toMatchObject({ action: 'connections.create', role: 'owner', actorEmail: expect.stringContaining('owner-') });
    expect(JSON.stringify(entry)).not.toContain(master.secret);
  });

  it('answers 400 for a bad body and 422 with the reason for a refused key', async () => {
    const bad = await call(POST, owner, { method: 'POST', body: { name: 'x', baseUrl: 'ftp://x', apiKey: 'short', signerType: 'HMAC', secret: 's' } });
    expect(bad.status).toBe(400);
    const [{ id }] = ((await (await call(GET, owner)).json()) as { connections: Array<{ id: string }> }).connections as [{ id: string }];
    const refused = await call(addSub, owner, { method: 'POST', params: { id }, body: { accountEmail: 'desk-mike@fundx.example', ...keyOf(scenario, 'mike-monitor'), secret: 'wrong' } });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/signature/);
  });

  it('ops cannot remove; owner can', async () => {
    const [{ id }] = ((await (await call(GET, owner)).json()) as { connections: Array<{ id: string }> }).connections as [{ id: string }];
    expect((await call(DELETE, ops, { method: 'DELETE', params: { id } })).status).toBe(403);
    expect((await call(DELETE, owner, { method: 'DELETE', params: { id } })).status).toBe(200);
    expect(((await (await call(GET, owner)).json()) as { connections: unknown[] }).connections).toHaveLength(0);
  });
});
