import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST as createKey } from '@/app/api/keys/special/route';
import { loadScenario } from '@/sim/scenario';
import { OWN_PAGE_HEADERS, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';
import { apiRoute } from '../api/handler';
import { loadKeyring } from '../crypto/keyring';
import { seal } from '../crypto/seal';
import { connections, refreshRuns } from '../db/schema';
import { runRefresh } from '../refresh/run-refresh';
import { demoRefreshed, email } from '../views/demo-refresh.test-support';
import { captureLogsForTesting, logger } from './logger';

const PASSWORD = 'correct horse battery staple'; // lib/testing/sessions.ts gives every test user this one

// The log of a refresh (ok, then failing), a key creation, and a failed database query holding a secret as
// a parameter, all against the real simulator and database: none of the demo's secrets, API keys or the
// test user's password may appear in it (docs/production.md, Logs).
describe('the log never carries a secret', () => {
  const capture = captureLogsForTesting();
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  const secrets: string[] = [];

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    demo = await demoRefreshed();
    const scenario = await loadScenario('demo');
    for (const k of [...scenario.master.keys, ...scenario.subAccounts.flatMap((s) => s.keys)]) {
      secrets.push(k.apiKey);
      if (k.secretKey) secrets.push(k.secretKey);
    }
    secrets.push(PASSWORD, TEST_AUTH_SECRET, process.env.MARGINWATCH_SECRET_KEY!);
    const db = demo.database.db;
    // A key creation through its route, as the Keys page does: desk-charlie's trading key stored first.
    const trading = scenario.subAccounts.find((s) => s.email === email('desk-charlie'))!.keys.find((k) => k.name === 'charlie-trading')!;
    await db.update(connections).set({ apiKey: trading.apiKey, sealedSecret: seal(trading.secretKey!, loadKeyring().current), permissions: trading.permissions })
      .where(and(eq(connections.kind, 'sub'), eq(connections.accountEmail, email('desk-charlie'))));
    const cookie = await sessionCookieFor(db, 'owner');
    const body = { account: email('desk-charlie'), apiName: 'log-walk', ip: '203.0.113.10', confirmBinding: true };
    const runsBefore = (await db.select({ id: refreshRuns.id }).from(refreshRuns)).length;
    const created = await createKey(new Request('http://localhost/api/keys/special', { method: 'POST', headers: { ...OWN_PAGE_HEADERS, cookie }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
    expect(created.status).toBe(200);
    const key = (await created.json()) as { apiKey: string; secretKey: string };
    secrets.push(key.apiKey, key.secretKey);
    // The refresh the creation starts in the background, then one against a failing exchange.
    await vi.waitFor(async () => {
      const runs = await db.select({ status: refreshRuns.status }).from(refreshRuns);
      if (runs.length === runsBefore || runs.some((r) => r.status === 'running')) throw new Error('the refresh after the creation has not finished');
    }, { timeout: 60_000, interval: 200 });
    await fetch(`${demo.sim.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error5xxRate: 1 }) });
    expect((await runRefresh(demo.masterId, 'manual')).status).toBe('failed');
    await fetch(`${demo.sim.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error5xxRate: 0 }) });
    // A failed query whose parameter is a secret, through the route wrapper's own error log.
    const failing = apiRoute({ permission: 'dashboard.read' }, async () => db.execute(sql`select ${trading.secretKey!}::int`));
    const res = await failing(new Request('http://localhost/api/x', { headers: { cookie } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(500);
    // Whoever logs a whole stored row: its key and sealed secret are redacted by name.
    const [row] = await db.select().from(connections).where(eq(connections.kind, 'master'));
    logger('test').info({ connection: row }, 'a stored connection');
  }, 180_000);
  afterAll(async () => {
    capture.stop();
    await demo?.close();
  });

  it('logged JSON lines for each of those steps', () => {
    const entries = capture.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.every((e) => typeof e.level === 'string' && typeof e.time === 'string' && typeof e.msg === 'string' && typeof e.context === 'string')).toBe(true);
    expect(entries.some((e) => e.context === 'refresh' && e.msg === 'refresh ok' && typeof e.durationMs === 'number')).toBe(true);
    expect(entries.some((e) => e.context === 'refresh' && e.msg === 'refresh failed')).toBe(true);
    const failed = entries.find((e) => e.context === 'api' && e.msg === 'request failed');
    expect(JSON.stringify(failed)).toMatch(/Failed query: select \$1::int\\nparams: \[redacted\]/);
    expect(entries.find((e) => e.msg === 'a stored connection')).toMatchObject({ connection: { apiKey: '[redacted]', sealedSecret: '[redacted]' } });
  });

  it('holds none of the seeded secrets, API keys or passwords', () => {
    expect(secrets.length).toBeGreaterThan(20);
    const text = capture.text();
    expect(secrets.filter((s) => text.includes(s))).toEqual([]);
  });
});
