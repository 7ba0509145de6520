import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRefreshed, email } from '@/lib/server/views/demo-refresh.test-support';
import { handlersOf, MUTATING, PUBLIC_ROUTES, requestFor, routeFiles, type Handler } from '@/lib/testing/route-walk';
import { OWN_PAGE_HEADERS, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';

// docs/security.md, "Bad input": a clear 400 (413 for a body too large), never a 500, and nothing written.

/**
 * Bodies close to real ones, so the fuzz reaches each schema's fields rather than stopping at the first. None
 * can act on the exchange as it stands (terms signed in the future, desk-india is on Cross Margin Pro, desk-foxtrot owes nothing, desk-india cannot exit either, a 63-character key),
 * so whatever the fuzz changes, a refusal is the only way an exchange call could be left over.
 */
const TEMPLATES: Record<string, Record<string, unknown>> = {
  'accounts/[email]/notes/route.ts': { body: 'ok', okUntil: '2030-01-31' },
  'terms/route.ts': { signedOn: '2999-01-01', note: '' },
  'keys/special/route.ts': { account: email('desk-india'), apiName: 'fuzz-01', ip: '203.0.113.10', confirmBinding: true, keyId: 'special:00000000-0000-4000-8000-000000000000' },
  'keys/special/ip/route.ts': { keyId: 'special:00000000-0000-4000-8000-000000000000', ip: '203.0.113.10' },
  'exit/repay/route.ts': { account: email('desk-foxtrot'), kind: 'MARGIN', asset: 'ETH', amount: '1' },
  'exit/runs/route.ts': { accounts: [email('desk-india')] },
  'connections/route.ts': { name: 'm', baseUrl: 'https://api.binance.com', apiKey: 'a'.repeat(63), signerType: 'HMAC', secret: 's' },
  'connections/[id]/sub-accounts/route.ts': { accountEmail: email('desk-zulu'), apiKey: 'a'.repeat(63), signerType: 'HMAC', secret: 's' },
  'alerts/rules/route.ts': { kind: 'margin_level_below', threshold: '1.5', scope: 'all', enabled: true },
  'alerts/channels/route.ts': { kind: 'webhook', url: 'https://hooks.example/x', name: 'x' },
};
const REFRESH_WRITES = ['refresh_runs', 'account_snapshots', 'special_key_sightings', 'sub_account_key_lists', 'sub_account_listings', 'alerts', 'alert_states'];
// A refresh takes any body without a master id and starts reading the exchange: its one field is a uuid.
const SKIPPED = new Set(['POST refresh/route.ts']);

/** Values people and attackers send that a schema may not expect. */
const nasty = fc.constantFrom(
  '\u0000',
  'note\u0000with a NUL',
  '%E0%A4%A',
  '%zz',
  '0000-01-01',
  '9999-12-31',
  '2030-02-30',
  '',
  ' ',
  '-1',
  '1e308',
  'NaN',
  '__proto__',
  'x'.repeat(5000),
);
const anyValue = fc.oneof(nasty, fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('bad input on every mutating route', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let owner: string;
  let routes: [string, string, Handler][];
  const values = () => ({ email: email('desk-alpha'), id: '00000000-0000-4000-8000-000000000000' });
  /**
   * Every table but the sign-in bookkeeping and what a refresh writes (a refresh an earlier accepted case
   * started may still be reading the exchange), counted in one statement: any write a request makes shows.
   */
  let counted: string[];
  const rowCounts = async () => {
    const rows = (await demo.database.db.execute(sql.raw(counted.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all ')))) as unknown as { rows: { t: string; n: number }[] };
    return Object.fromEntries(rows.rows.map((r) => [r.t, r.n]));
  };
  /** What was asked of the exchange to change something: reads (a refused repay reads what is owed) do not count. */
  const simRequests = () => demo.sim.sim.recorder.requests.filter((r) => r.method !== 'GET').length;
  const send = (file: string, method: string, handler: Handler, body: string, overrides: Record<string, string> = {}) =>
    handler(...requestFor(file, method, { headers: { ...OWN_PAGE_HEADERS, cookie: owner }, body, values: { ...values(), ...overrides } }));

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    demo = await demoRefreshed();
    owner = await sessionCookieFor(demo.database.db, 'owner');
    const tables = (await demo.database.db.execute(sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as { rows: { t: string }[] };
    counted = tables.rows.map((r) => r.t).filter((t) => !['sessions', 'auth_epoch', 'login_attempts', '__drizzle_migrations', ...REFRESH_WRITES].includes(t));
    routes = [];
    for (const file of routeFiles().filter((f) => !PUBLIC_ROUTES.has(f)))
      for (const [method, handler] of await handlersOf(file)) if (MUTATING.has(method) && !SKIPPED.has(`${method} ${file}`)) routes.push([file, method, handler]);
  }, 180_000);
  afterAll(async () => demo?.close());

  it('answers the inputs that once gave 500 with a clear 400, writing nothing', async () => {
    const [before, simBefore] = [await rowCounts(), simRequests()];
    const [[, notes]] = (await handlersOf('accounts/[email]/notes/route.ts')).filter(([m]) => m === 'POST') as [[string, Handler]];
    const [[, terms]] = (await handlersOf('terms/route.ts')).filter(([m]) => m === 'PUT') as [[string, Handler]];
    const [[, account]] = (await handlersOf('accounts/[email]/route.ts')).filter(([m]) => m === 'GET') as [[string, Handler]];
    const cases: [string, Promise<Response>, RegExp][] = [
      ['a NUL in a note', send('accounts/[email]/notes/route.ts', 'POST', notes, JSON.stringify({ body: 'a\u0000b' })), /body contains a NUL character/],
      ['a NUL in the path', send('accounts/[email]/notes/route.ts', 'POST', notes, JSON.stringify({ body: 'ok' }), { email: 'desk\u0000@fundx.example' }), /path: email contains a NUL/],
      ['terms signed in year 0', send('terms/route.ts', 'PUT', terms, JSON.stringify({ signedOn: '0000-01-01' })), /between 2000-01-01 and 2100-12-31/],
      ['a date that does not exist', send('terms/route.ts', 'PUT', terms, JSON.stringify({ signedOn: '2024-02-30' })), /a date \(YYYY-MM-DD\)/],
      ['a number for a date', send('terms/route.ts', 'PUT', terms, JSON.stringify({ signedOn: 20250101 })), /signedOn/],
      ['a note okUntil in year 0', send('accounts/[email]/notes/route.ts', 'POST', notes, JSON.stringify({ body: 'ok', okUntil: '0000-01-01' })), /okUntil must be a date between/],
      ['not JSON', send('terms/route.ts', 'PUT', terms, '{"signedOn":'), /must be JSON/],
    ];
    for (const [what, response, message] of cases) {
      const res = await response;
      expect(res.status, what).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message, what).toMatch(message);
    }
    // Two malformed %-escapes in the address, as a browser would send them: Next hands the segment over undecoded.
    for (const bad of ['desk%E0%A4%A', 'desk%zz']) {
      const req = new Request(`http://localhost/api/accounts/${bad}`, { headers: { cookie: owner } });
      const res = await account(req, { params: Promise.resolve({ email: bad }) });
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/%-escape/);
    }
    expect(await rowCounts()).toEqual(before);
    expect(simRequests()).toBe(simBefore);
  });

  it('refuses a body over 64 KB with 413 without reading or echoing it, whatever Content-Length says', async () => {
    const [[, terms]] = (await handlersOf('terms/route.ts')).filter(([m]) => m === 'PUT') as [[string, Handler]];
    const huge = JSON.stringify({ signedOn: '2025-01-01', note: `MARKER${'x'.repeat(1_000_000)}` });
    const before = await rowCounts();
    const res = await send('terms/route.ts', 'PUT', terms, huge);
    expect(res.status).toBe(413);
    const text = await res.text();
    expect(text.length).toBeLessThan(500);
    expect(text).not.toContain('MARKER');
    // A chunked body carries no Content-Length: the stream is counted as it is read.
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
        c.close();
      },
    });
    const streamed = await terms(new Request('http://localhost/api/terms', { method: 'PUT', headers: { ...OWN_PAGE_HEADERS, cookie: owner }, body: chunks, duplex: 'half' } as RequestInit), { params: Promise.resolve({}) });
    expect(streamed.status).toBe(413);
    expect(await rowCounts()).toEqual(before);
  });

  it('a connection must point at https, not at loopback or a private address', async () => {
    const [[, add]] = (await handlersOf('connections/route.ts')).filter(([m]) => m === 'POST') as [[string, Handler]];
    const base = TEMPLATES['connections/route.ts']!;
    const before = [await rowCounts(), simRequests()];
    // The template's key is one character short; a whole one shows that only the address is refused.
    for (const [baseUrl, message] of [
      ['http://api.binance.example', /https/],
      ['https://10.0.0.5', /MARGINWATCH_ALLOW_PRIVATE_EXCHANGE/],
      ['https://169.254.169.254', /MARGINWATCH_ALLOW_PRIVATE_EXCHANGE/],
      [`https://${'a'.repeat(1_000)}.example/${'b'.repeat(2_000)}`, /at most 2048/],
    ] as const) {
      const res = await send('connections/route.ts', 'POST', add, JSON.stringify({ ...base, apiKey: 'a'.repeat(64), baseUrl }));
      expect(res.status, baseUrl.slice(0, 40)).toBe(400);
      const text = await res.text();
      expect(text, baseUrl.slice(0, 40)).toMatch(message);
      expect(text.length).toBeLessThan(2_000);
    }
    expect([await rowCounts(), simRequests()]).toEqual(before);
  });

  it('fuzz: a few hundred generated bodies over every mutating route never get a 500, and a refusal writes nothing', async () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    let cases = 0;
    for (const [file, method, handler] of routes) {
      const template = TEMPLATES[file] ?? {};
      const shaped = fc.record(Object.fromEntries(Object.keys(template).map((k) => [k, anyValue])), { requiredKeys: [] });
      const mixed = fc.tuple(fc.constant(template), fc.dictionary(fc.constantFrom(...Object.keys(template), 'extra'), anyValue, { maxKeys: 2 })).map(([t, o]) => ({ ...t, ...o }));
      const body = fc.oneof(shaped, mixed, fc.jsonValue({ maxDepth: 2 }));
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          cases++;
          const [rowsBefore, simBefore] = [await rowCounts(), simRequests()];
          const res = await send(file, method, handler, JSON.stringify(b));
          const text = await res.text();
          expect(res.status, `${method} ${file} ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) {
            expect(await rowCounts(), `${method} ${file} wrote on ${res.status}`).toEqual(rowsBefore);
            expect(simRequests(), `${method} ${file} called the exchange on ${res.status}`).toBe(simBefore);
            expect(text.length, `${method} ${file}: a refusal does not echo a large input`).toBeLessThan(3_000);
          }
        }),
        { numRuns: 14, seed: 20261201 },
      );
    }
    expect(cases).toBeGreaterThanOrEqual(200);
  }, 120_000);
});
