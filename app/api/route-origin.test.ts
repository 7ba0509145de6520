import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/lib/server/db/schema';
import { demoRefreshed, email } from '@/lib/server/views/demo-refresh.test-support';
import { handlersOf, MUTATING, PUBLIC_ROUTES, requestFor, routeFiles } from '@/lib/testing/route-walk';
import { OWN_PAGE_HEADERS, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';

// Forged requests carrying the owner's cookie, as another site (or another port of this host) could make
// the owner's browser send them. Each must be refused before anything is written or sent to the exchange.
const FORGERIES: [string, Record<string, string>][] = [
  ['a foreign Origin', { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }],
  ['another port of this host', { origin: 'http://localhost:4999', 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }],
  ['no Origin', { 'content-type': 'application/json' }],
  ['Origin: null', { origin: 'null', 'content-type': 'application/json' }],
  ['our Origin but a cross-site fetch', { origin: 'http://localhost', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }],
  ['a text/plain body from our own page', { origin: 'http://localhost', 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }],
  ['a form body from our own page', { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' }],
];

describe('every state-changing API route refuses requests that did not come from our own pages', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let owner: string;
  const files = routeFiles().filter((f) => !PUBLIC_ROUTES.has(f));
  // Bodies that would act if the guard let them through, so "nothing written" is not just "nothing parsed".
  const bodies: Record<string, unknown> = {
    'terms/route.ts': { signedOn: '2025-01-01', note: 'forged' },
    'accounts/[email]/notes/route.ts': { body: 'forged note' },
    'refresh/route.ts': {},
    'keys/special/route.ts': { account: email('desk-charlie'), apiName: 'forged', ip: '203.0.113.66', confirmBinding: true },
  };
  const auditRows = async () => (await demo.database.db.select({ n: count() }).from(auditLog))[0]!.n;
  const simRequests = () => demo.sim.sim.recorder.requests.length;

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    demo = await demoRefreshed();
    owner = await sessionCookieFor(demo.database.db, 'owner');
  }, 60_000);
  afterAll(async () => demo?.close());

  it('refuses every forgery on every route with 403 or 415; audit log and simulator log unchanged', async () => {
    const [auditBefore, simBefore] = [await auditRows(), simRequests()];
    let refused = 0;
    for (const file of files) {
      for (const [method, handler] of await handlersOf(file)) {
        if (!MUTATING.has(method)) continue;
        for (const [what, headers] of FORGERIES) {
          const body = JSON.stringify(bodies[file] ?? {});
          const values = { email: email('desk-alpha'), id: demo.masterId };
          const res = await handler(...requestFor(file, method, { headers: { ...headers, cookie: owner }, body, values }));
          const expected = what.includes('body') ? 415 : 403;
          expect(res.status, `${method} ${file}: ${what}`).toBe(expected);
          expect(await res.text(), `${method} ${file}: ${what}`).not.toContain('forged');
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThanOrEqual(FORGERIES.length * 10);
    expect(await auditRows()).toBe(auditBefore);
    expect(simRequests()).toBe(simBefore);
  }, 60_000);

  it('the same request from our own page acts (the bodies above are real)', async () => {
    const auditBefore = await auditRows();
    const [method, handler] = (await handlersOf('terms/route.ts')).find(([m]) => m === 'PUT')!;
    const res = await handler(...requestFor('terms/route.ts', method, { headers: { ...OWN_PAGE_HEADERS, cookie: owner }, body: JSON.stringify(bodies['terms/route.ts']) }));
    expect(res.status).toBe(200);
    expect(await auditRows()).toBe(auditBefore + 1);
  });

  it('reads stay open to a plain GET (links and reloads), still behind the session', async () => {
    const [, handler] = (await handlersOf('overview/route.ts')).find(([m]) => m === 'GET')!;
    expect((await handler(...requestFor('overview/route.ts', 'GET', { headers: { cookie: owner } }))).status).toBe(200);
  });
});
