import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRisk } from '@/lib/risk';
import type { OddAnswer } from '@/sim/odd-answers';
import { demoRefreshed, email } from '../views/demo-refresh.test-support';
import { snapshotsOf } from '../views/latest';
import { runRefresh } from './run-refresh';

/**
 * Odd answers from the exchange (issue 13, "Bad input and odd answers"): a field missing, a non-decimal string, a
 * negative balance, an empty body, a status string never seen. The account is marked with what could not be read,
 * the rest of the refresh goes on, and nothing reads as zero or as "normal" by default.
 */
describe('odd exchange answers for one account, against the simulator', () => {
  let env: Awaited<ReturnType<typeof demoRefreshed>>;
  let firstAlpha: AccountRisk;

  beforeAll(async () => {
    env = await demoRefreshed();
    const { runId } = await latestRun();
    firstAlpha = (await snapshotsOf(env.database.db, runId)).find((s) => s.accountEmail === email('desk-alpha'))!.risk as AccountRisk;
  }, 120_000);
  afterAll(async () => env?.close());

  async function latestRun() {
    const { latestRefreshes } = await import('../views/latest');
    const { shown } = await latestRefreshes(env.database.db, env.masterId);
    return { runId: shown!.id };
  }

  async function refreshWith(odd: OddAnswer[]) {
    const res = await fetch(`${env.sim.url}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ oddAnswers: odd }) });
    expect(res.status).toBe(200);
    const { runId, status } = await runRefresh(env.masterId, 'manual');
    const snaps = new Map((await snapshotsOf(env.database.db, runId)).map((s) => [s.accountEmail, s]));
    return { status, snaps };
  }

  const MARGIN = '/sapi/v1/margin/account';
  it.each([
    ['a field missing (marginLevel)', { drop: ['marginLevel'] }, /margin.*documented shape \(at marginLevel\)/],
    ['a non-decimal string', { set: { marginLevel: 'n/a' } }, /documented shape \(at marginLevel\)/],
    ['a negative balance', { set: { 'userAssets.0.free': '-5' } }, /documented shape \(at userAssets\.0\.free\)/],
    ['an empty body', { empty: true }, /documented shape/],
  ] as const)('%s: desk-alpha is marked with what could not be read, keeps its last good figures, the rest refreshes', async (_, fault, message) => {
    const { status, snaps } = await refreshWith([{ path: MARGIN, account: email('desk-alpha'), ...fault }]);
    expect(status).toBe('partial');
    const alpha = snaps.get(email('desk-alpha'))!;
    expect(alpha.stale).toBe(true);
    expect(alpha.error).toMatch(message);
    // The last good data, never zeros and never a fresh "normal" made up from nothing.
    expect((alpha.risk as AccountRisk).totals).toEqual(firstAlpha.totals);
    expect(alpha.status).toBe(firstAlpha.status);
    for (const name of ['desk-bravo', 'desk-charlie', 'desk-golf']) expect(snaps.get(email(name))!.stale, name).toBe(false);
  });

  it('a status string never seen: the pair reads "unknown" with the string named, never "normal"', async () => {
    const { snaps } = await refreshWith([{ path: '/sapi/v1/margin/isolated/account', account: email('desk-golf'), set: { 'assets.0.marginLevelStatus': 'SOMETHING_NEW' } }]);
    const golf = snaps.get(email('desk-golf'))!;
    expect(golf.stale).toBe(false);
    const pairs = (golf.risk as AccountRisk).isolatedPairs;
    const odd = pairs.find((p) => p.statusSource?.includes('SOMETHING_NEW'));
    expect(odd).toMatchObject({ status: 'UNKNOWN' });
    expect(odd!.statusSource).toMatch(/a status this app does not know/);
  });
});
