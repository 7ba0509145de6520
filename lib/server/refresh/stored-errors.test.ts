import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as refreshStatusRoute } from '@/app/api/refresh/route';
import { loadScenario } from '@/sim/scenario';
import type { EchoError } from '@/sim/admin-target';
import { sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';
import { accountSnapshots, refreshRuns } from '../db/schema';
import { captureLogsForTesting } from '../log/logger';
import { demoRefreshed, email } from '../views/demo-refresh.test-support';
import { runRefresh } from './run-refresh';

// A request quoted back in an error answer: its query string (timestamp, signature) and its API key.
const QUOTED_REQUEST = [/signature=/i, /timestamp=\d/, /X-MBX-APIKEY: (?!\[redacted\])/, /apiKey=(?!\[redacted\])/];

/**
 * Error text the app stores and shows (refresh_runs.errors, account_snapshots.error, the refresh status pages
 * read) is scrubbed like the log (docs/production.md, Logs): the simulator's error answers quote the signed
 * request back, as a gateway in front of an exchange may, and none of it reaches the database, a page or a log.
 */
describe('stored error text holds no key, secret or signed query', () => {
  const capture = captureLogsForTesting();
  let env: Awaited<ReturnType<typeof demoRefreshed>>;
  const secrets: string[] = [];

  async function faults(echoErrors: EchoError[], more: Record<string, unknown> = {}) {
    const res = await fetch(`${env.sim.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ echoErrors, ...more }) });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    env = await demoRefreshed();
    const scenario = await loadScenario('demo');
    for (const k of [...scenario.master.keys, ...scenario.subAccounts.flatMap((s) => s.keys)]) {
      secrets.push(k.apiKey);
      if (k.secretKey) secrets.push(k.secretKey);
    }
  }, 120_000);
  afterAll(async () => {
    capture.stop();
    await env?.close();
  });

  it('an account whose reads are refused with the request quoted back: its stale snapshot and the run say why, without the request', async () => {
    await faults([
      { path: '/sapi/v1/margin/account', account: email('desk-alpha'), status: 400, code: -1100 },
      { path: '/sapi/v1/margin/isolated/account', account: email('desk-golf'), status: 401, code: -2015 },
    ]);
    const { runId, status } = await runRefresh(env.masterId, 'manual');
    expect(status).toBe('partial');
    const [run] = await env.database.db.select({ errors: refreshRuns.errors }).from(refreshRuns).where(eq(refreshRuns.id, runId));
    const snaps = await env.database.db.select({ account: accountSnapshots.accountEmail, stale: accountSnapshots.stale, error: accountSnapshots.error }).from(accountSnapshots).where(eq(accountSnapshots.refreshId, runId));
    const alpha = snaps.find((s) => s.account === email('desk-alpha'))!;
    expect(alpha.stale).toBe(true);
    // Still says what happened: the path, the exchange's code and its words up to the quoted request.
    expect(alpha.error).toMatch(/\/sapi\/v1\/margin\/account: the exchange rejected the request \(-1100: Request refused: GET \/sapi\/v1\/margin\/account\?\[redacted\]/);
    expect(run!.errors.map((e) => e.account)).toContain(email('desk-alpha'));
    const stored = JSON.stringify({ errors: run!.errors, snapshots: snaps });
    expect(secrets.filter((s) => stored.includes(s))).toEqual([]);
    for (const pattern of QUOTED_REQUEST) expect(stored).not.toMatch(pattern);
  }, 120_000);

  it('a master whose listing is refused: the failed run, the status route and the log hold no key or signed query', async () => {
    await faults([{ path: '/sapi/v1/sub-account/list', status: 400, code: -1022 }, { path: '/sapi/v1/margin/account', status: 400, code: -1130 }]);
    const { runId, status } = await runRefresh(env.masterId, 'manual');
    expect(status).toBe('failed');
    await faults([]);
    const [run] = await env.database.db.select({ errors: refreshRuns.errors }).from(refreshRuns).where(eq(refreshRuns.id, runId));
    expect(run!.errors.some((e) => e.step === 'master' && /sub-account\/list/.test(e.message))).toBe(true);

    const cookie = await sessionCookieFor(env.database.db, 'ops');
    const res = await refreshStatusRoute(new Request(`http://localhost/api/refresh?masterId=${env.masterId}`, { headers: { cookie } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const shown = await res.text();
    expect(shown).toMatch(/sub-account\/list/); // the failure is on the page, scrubbed

    const everyStoredError = await env.database.db.execute(sql`
      select errors::text as t from refresh_runs union all select error from account_snapshots where error is not null`);
    const texts = [shown, capture.text(), JSON.stringify(everyStoredError)];
    for (const text of texts) {
      expect(secrets.filter((s) => text.includes(s))).toEqual([]);
      for (const pattern of QUOTED_REQUEST) expect(text).not.toMatch(pattern);
    }
  }, 120_000);
});
