import Decimal from 'decimal.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE } from '@/app/api/scenarios/[id]/route';
import { POST as run } from '@/app/api/scenarios/run/route';
import { GET, POST } from '@/app/api/scenarios/route';
import { POST as worstMoves } from '@/app/api/scenarios/worst-moves/route';
import type { SavedScenario, ScenarioList, ScenarioRun, WorstMoves } from '@/lib/contracts/scenarios';
import type { AccountRisk } from '@/lib/risk';
import { accountSnapshots, auditLog, scenarios } from '@/lib/server/db/schema';
import { demoRefreshed } from '@/lib/server/views/demo-refresh.test-support';
import { latestRefreshes } from '@/lib/server/views/latest';
import { OWN_PAGE_HEADERS, sessionCookieFor, TEST_AUTH_SECRET } from '@/lib/testing/sessions';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

// Named per-asset scenarios on the demo's real refresh (issue 18; docs/scenarios.md).
describe('named scenarios', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let owner: string;
  let ops: string;
  const send = async <T>(handler: Handler, cookie: string, method: string, body?: unknown, params: Record<string, string> = {}) => {
    const res = await handler(
      new Request('http://localhost/api/scenarios', { method, headers: { ...OWN_PAGE_HEADERS, cookie }, body: body === undefined ? undefined : JSON.stringify(body) }),
      { params: Promise.resolve(params) },
    );
    return { status: res.status, json: (await res.json()) as T };
  };
  const exchangeCalls = () => demo.sim.sim.recorder.requests.length;
  const crash = { byAsset: { BTC: '-30', ETH: '-45' }, alts: '-60', stables: '-5' };

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    demo = await demoRefreshed();
    owner = await sessionCookieFor(demo.database.db, 'owner');
    ops = await sessionCookieFor(demo.database.db, 'ops');
  }, 120_000);
  afterAll(async () => demo?.close());

  it('an owner saves a scenario by name, saving again replaces it, and both are audited', async () => {
    const first = await send<SavedScenario>(POST, owner, 'POST', { name: ' Crash ', shocks: crash });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ name: 'Crash', shocks: { byAsset: { BTC: '-30', ETH: '-45' }, alts: '-60', stables: '-5' } });
    const again = await send<SavedScenario>(POST, owner, 'POST', { name: 'Crash', shocks: { ...crash, alts: '-70' } });
    expect(again.json.id).toBe(first.json.id);
    const list = await send<ScenarioList>(GET, ops, 'GET');
    expect(list.json.scenarios.map((s) => [s.name, s.shocks.alts])).toEqual([['Crash', '-70']]);
    // The form offers every asset the shown refresh holds or owes.
    expect(list.json.assets).toEqual(expect.arrayContaining(['BTC', 'ETH', 'USDT']));
    const audit = await demo.database.db.select().from(auditLog).where(eq(auditLog.action, 'scenarios.save'));
    expect(audit.map((a) => [a.target, (a.after as { replaced: boolean }).replaced])).toEqual([['Crash', false], ['Crash', true]]);
  });

  it.each([
    ['a fall of 100 %', { name: 'x', shocks: { ...crash, alts: '-100' } }, /above -100 %/],
    ['a shock that is not a number', { name: 'x', shocks: { ...crash, stables: 'minus five' } }, /“minus five” is not a percentage/],
    ['a lower-case asset', { name: 'x', shocks: { ...crash, byAsset: { btc: '-10' } } }, /“btc”: not an asset symbol/],
    ['an empty name', { name: '  ', shocks: crash }, /needs a name/],
    ['a name with a control character', { name: 'a\u0007b', shocks: crash }, /one line of text/],
  ])('refuses %s with a clear 400 and saves nothing', async (_, body, message) => {
    const before = await demo.database.db.select().from(scenarios);
    const res = await send<{ error: { message: string; details?: unknown } }>(POST, owner, 'POST', body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.error)).toMatch(message);
    expect(await demo.database.db.select().from(scenarios)).toEqual(before);
  });

  it('ops may run scenarios but not save or delete one', async () => {
    const [saved] = await demo.database.db.select().from(scenarios);
    expect((await send(POST, ops, 'POST', { name: 'Ops idea', shocks: crash })).status).toBe(403);
    expect((await send(DELETE, ops, 'DELETE', undefined, { id: saved!.id })).status).toBe(403);
    expect((await send(run, ops, 'POST', { shocks: crash })).status).toBe(200);
    expect((await demo.database.db.select().from(scenarios)).map((s) => s.name)).toEqual(['Crash']);
  });

  it('a uniform scenario owes, per account, what the stored stress curve owes at the same shock; running one calls no exchange', async () => {
    const calls = exchangeCalls();
    const res = await send<ScenarioRun>(run, owner, 'POST', { shocks: { alts: '-40', stables: '0' } });
    expect(res.status).toBe(200);
    expect(exchangeCalls()).toBe(calls);
    const { shown } = await latestRefreshes(demo.database.db, demo.masterId);
    const snaps = await demo.database.db.select().from(accountSnapshots).where(eq(accountSnapshots.refreshId, shown!.id));
    let compared = 0;
    for (const snap of snaps) {
      const risk = snap.risk as AccountRisk;
      const point = risk.curve.find((p) => Math.abs(p.shock + 0.4) < 1e-9);
      const row = res.json.accounts.find((a) => a.email === snap.accountEmail)!;
      if (!point || 'unknown' in row || row.bound) continue;
      expect(Number(row.deficitUsd)).toBeCloseTo(point.deficit, 2);
      if (risk.applicability.bound === true) expect(Number(row.owedUsd)).toBeCloseTo(point.owed, 2);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
    // The master's figures are the exact sums of the accounts'.
    const sum = res.json.accounts.reduce((t, a) => t.plus('owedUsd' in a ? a.owedUsd : 0), new Decimal(0));
    expect(res.json.owedUsd).toBe(sum.toFixed());
    expect(Number(res.json.owedUsd)).toBeGreaterThan(0);
  });

  it('an owner deletes a scenario; deleting it again is a 404', async () => {
    const [saved] = await demo.database.db.select().from(scenarios);
    expect((await send(DELETE, owner, 'DELETE', undefined, { id: saved!.id })).status).toBe(200);
    expect((await send(DELETE, owner, 'DELETE', undefined, { id: saved!.id })).status).toBe(404);
    expect(await demo.database.db.select().from(scenarios)).toEqual([]);
  });

  it('the worst moves come from the exchange’s klines: a BTC dip of 12 % reads as −12 %', async () => {
    const btc = demo.sim.sim.state.prices.get('BTC')!;
    const dip = btc.times('0.88');
    const move = (p: Decimal.Value) => fetch(`${demo.sim.url}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prices: { BTCUSDT: new Decimal(p).toFixed(8) } }) });
    expect((await move(dip.toString())).ok).toBe(true);
    expect((await move(btc.toString())).ok).toBe(true);
    const klineCalls = () => demo.sim.sim.recorder.requests.filter((r) => r.path === '/api/v3/klines').length;
    const before = klineCalls();
    const res = await send<WorstMoves>(worstMoves, ops, 'POST', { window: '1d' });
    expect(res.status).toBe(200);
    expect(res.json.falls.BTC).toBe('-12');
    expect(res.json.falls.USDT).toBeUndefined();
    expect(klineCalls() - before).toBe(Object.keys(res.json.falls).length);
    expect((await send(worstMoves, ops, 'POST', { window: '2d' })).status).toBe(400);
  });
});
