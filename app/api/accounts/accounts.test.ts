import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDetail, AccountList } from '@/lib/contracts/accounts';
import { accountNotes, auditLog } from '@/lib/server/db/schema';
import { demoRefreshed, email } from '@/lib/server/views/demo-refresh.test-support';
import { OWN_PAGE_HEADERS, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';
import { POST as postNote } from './[email]/notes/route';
import { GET as getAccount } from './[email]/route';
import { GET as getAccounts } from './route';

describe('accounts API', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let ops: string;
  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    demo = await demoRefreshed();
    ops = await sessionCookieFor(demo.database.db, 'ops');
  });
  afterAll(() => demo?.close());

  const call = (handler: typeof getAccounts, url: string, init: RequestInit = {}, params: Record<string, string> = {}) =>
    handler(new Request(`http://localhost${url}`, { ...init, headers: { cookie: ops, ...OWN_PAGE_HEADERS } }), { params: Promise.resolve(params) });

  it('lists 14 rows with the default shocks', async () => {
    const res = await call(getAccounts, '/api/accounts');
    expect(res.status).toBe(200);
    const body = (await res.json()) as AccountList;
    expect(body.rows).toHaveLength(14);
    expect(body.shocks).toMatchObject({ a: -0.2, b: -0.4 });
  });

  it.each([['shockA=abc'], ['shockA=-1.5'], ['shockB=-0.23']])('refuses ?%s with a 400 that says why', async (q) => {
    const res = await call(getAccounts, `/api/accounts?${q}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/shock/);
  });

  it('serves the detail of a URL-encoded email, and 404 for an unknown one', async () => {
    const ok = await call(getAccount, '/api/accounts/x', {}, { email: encodeURIComponent(email('desk-bravo')) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as AccountDetail).row.rule).toBe('BOUND_KEYS_DELETED_EXIT_UNCONFIRMED');
    const missing = await call(getAccount, '/api/accounts/x', {}, { email: email('nobody') });
    expect(missing.status).toBe(404);
  });

  it('ops saves a review note: stored, audited, shown on the detail', async () => {
    const params = { email: encodeURIComponent(email('desk-bravo')) };
    const res = await call(postNote, '/x', { method: 'POST', body: JSON.stringify({ body: 'Reviewed, OK until the exit', okUntil: '2099-01-31' }) }, params);
    expect(res.status).toBe(201);
    const [audit] = await demo.database.db.select().from(auditLog).where(eq(auditLog.action, 'notes.create'));
    expect(audit).toMatchObject({ role: 'ops', target: email('desk-bravo'), after: { body: 'Reviewed, OK until the exit', okUntil: '2099-01-31T23:59:59.999Z' } });
    const detail = (await (await call(getAccount, '/x', {}, params)).json()) as AccountDetail;
    expect(detail.notes[0]).toMatchObject({ body: 'Reviewed, OK until the exit', authorEmail: expect.stringMatching(/^ops-/) });
  });

  it.each([
    [{ body: '' }, /empty/],
    [{ body: 'ok', okUntil: '2000-01-01' }, /future/],
    [{ body: 'x'.repeat(2001) }, /2000/],
  ])('refuses %j with a 400 and stores nothing', async (input, message) => {
    const before = (await demo.database.db.select().from(accountNotes)).length;
    const res = await call(postNote, '/x', { method: 'POST', body: JSON.stringify(input) }, { email: email('desk-alpha') });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(await demo.database.db.select().from(accountNotes)).toHaveLength(before);
  });

  it('404 for a note on an unknown account', async () => {
    const res = await call(postNote, '/x', { method: 'POST', body: JSON.stringify({ body: 'hello' }) }, { email: email('nobody') });
    expect(res.status).toBe(404);
  });
});
