import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connections, specialKeySightings } from '@/lib/server/db/schema';
import { demoRefreshed } from '@/lib/server/views/demo-refresh.test-support';
import { loadScenario } from '@/sim/scenario';
import { handlersOf, PUBLIC_ROUTES, requestFor, routeFiles } from '@/lib/testing/route-walk';
import { sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';

/** Every `apiKey` value anywhere in the scenario: the master's, the sub-accounts', live and deleted special keys. */
function apiKeysIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) apiKeysIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'apiKey' && typeof v === 'string') found.add(v);
      else apiKeysIn(v, found);
    }
  }
  return found;
}

/** The body of an answer; a stream (the live figures) is read up to its first event, then closed. */
async function bodyOf(res: Response, abort: AbortController): Promise<string> {
  if (!res.headers.get('content-type')?.includes('text/event-stream')) return res.text();
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  abort.abort();
  await reader.cancel();
  return new TextDecoder().decode(value);
}

// docs/security.md, "Key fingerprints": an ops user never reads an API key, only its last 4 characters.
describe('no answer an ops user can read carries an API key', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let ops: string;
  let keys: string[];
  let emails: string[];

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    demo = await demoRefreshed();
    ops = await sessionCookieFor(demo.database.db, 'ops');
    const scenario = await loadScenario('demo');
    const stored = [
      ...(await demo.database.db.select({ k: connections.apiKey }).from(connections)),
      ...(await demo.database.db.select({ k: specialKeySightings.apiKey }).from(specialKeySightings)),
    ].map((r) => r.k);
    keys = [...new Set([...apiKeysIn(scenario), ...stored])];
    emails = scenario.subAccounts.map((s) => s.email);
  }, 60_000);
  afterAll(async () => demo?.close());

  it('walks every GET route as ops, for every demo account, and finds none of the demo keys', async () => {
    // The walk is only worth something if the demo holds special keys the account pages list.
    expect((await demo.database.db.select().from(specialKeySightings)).length).toBeGreaterThan(0);
    expect(keys.length).toBeGreaterThan(20);

    const files = routeFiles().filter((f) => !PUBLIC_ROUTES.has(f));
    let read = 0;
    for (const file of files) {
      const get = (await handlersOf(file)).find(([m]) => m === 'GET')?.[1];
      if (!get) continue;
      // Every dynamic segment filled with something real: each account's page, the master's connection.
      const fills = file.includes('[email]') ? emails.map((email) => ({ email })) : [{ id: demo.masterId }];
      for (const values of fills) {
        const abort = new AbortController();
        const [req, ctx] = requestFor(file, 'GET', { headers: { cookie: ops }, values });
        const res = await get(new Request(req, { signal: abort.signal }), ctx);
        expect(res.status, `GET ${file} ${JSON.stringify(values)}`).toBeLessThan(500);
        const body = await bodyOf(res, abort);
        for (const key of keys) expect(body.includes(key), `GET ${file} ${JSON.stringify(values)} carries …${key.slice(-4)}`).toBe(false);
        if (res.status === 200) read++;
      }
    }
    // Every account page and the lists were really read, not refused.
    expect(read).toBeGreaterThanOrEqual(emails.length + 8);
  }, 60_000);
});
