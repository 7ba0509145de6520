import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@/lib/testing/databases';
import { demoRefreshed } from '../views/demo-refresh.test-support';
import type { RequestRecord } from '@/sim/recorder';
import type { RunningSimulator } from '@/sim/server';
import { ApiError } from '../api/errors';
import type { Database } from '../db/client';
import { accountExits } from '../db/schema';
import { latestRefreshes, snapshotsOf } from '../views/latest';
import { exitOrchestrator } from './orchestrator';
import { repayLiability } from './repay';
import { assertSelectable } from './selection';
import { exitOverview, exitRunView } from './views';

const HOTEL = 'desk-hotel@fundx.example';
const owner = { id: null, email: 'owner@test.example', role: 'owner' as const };

async function statusOf(err: Promise<unknown>): Promise<number> {
  try {
    await err;
  } catch (e) {
    if (e instanceof ApiError) return e.status;
    throw e;
  }
  return 200;
}

describe.each(testDatabases())('the exit wizard against the simulator on $driver', ({ open }) => {
  let database: Database;
  let sim: RunningSimulator;
  let masterId: string;
  const requests = async (): Promise<RequestRecord[]> => ((await (await fetch(`${sim.url}/__sim/requests`)).json()) as { requests: RequestRecord[] }).requests;
  const simAccount = async (email: string) =>
    ((await (await fetch(`${sim.url}/__sim/state`)).json()) as { accounts: { email: string; bound: boolean; inSpecialKeyMode: boolean; cooldownUntil: number | null; keys: { kind: string }[] }[] }).accounts.find((a) => a.email === email)!;

  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  beforeAll(async () => {
    demo = await demoRefreshed(open);
    ({ database, sim, masterId } = demo);
  });
  afterAll(() => demo?.close());

  it('reviews every account: blocked by liability, no key, key permission; PM Pro and unbound left out', async () => {
    const { accounts } = await exitOverview(database.db, masterId);
    const verdict = (name: string) => accounts.find((a) => a.email === `${name}@fundx.example`)!.verdict;
    const codes = (name: string) => {
      const v = verdict(name);
      return v.kind === 'blocked' ? v.blockers.map((b) => b.code) : v.kind;
    };
    expect(codes('desk-hotel')).toEqual(['liability', 'liability']);
    expect(codes('desk-delta')).toEqual(['liability']);
    expect(codes('desk-lima')).toEqual(['no_key', 'liability']);
    expect(codes('desk-alpha')).toEqual(['liability']);
    // desk-kilo's stored key can only read: its special keys are unknown, and nothing can delete them or exit.
    expect(codes('desk-kilo')).toEqual(['key_permission']);
    expect(codes('desk-echo')).toBe('excluded');
    expect(codes('desk-charlie')).toBe('excluded');
    expect(codes('desk-mike')).toBe('excluded');
    expect(verdict('desk-echo')).toMatchObject({ reason: expect.stringContaining('contact your VIP manager') });
    expect(accounts.find((a) => a.email === HOTEL)!.liabilities.map((l) => [l.asset, l.owed, l.free])).toEqual([['ETH', '500', '500'], ['USDT', '1000000', '1000000']]);
    // desk-delta's LiquidationLoan is repaid from the spot wallet (150,000 USDC there), not its margin wallet (no USDC).
    expect(accounts.find((a) => a.email === 'desk-delta@fundx.example')!.liabilities.map((l) => [l.kind, l.asset, l.owed, l.free, l.wallet])).toEqual([['LIQUIDATION_LOAN', 'USDC', '150000', '150000', 'spot']]);
    await expect(assertSelectable(database.db, masterId, [HOTEL])).rejects.toMatchObject({ status: 422 });
  });

  it('refuses a bad repay before sending anything, then repays with the account key and re-reads', async () => {
    const before = (await requests()).length;
    const tooMuch = repayLiability(database.db, masterId, { account: HOTEL, kind: 'MARGIN', asset: 'ETH', amount: '500.1' }, owner, 'r1');
    await expect(tooMuch).rejects.toMatchObject({ status: 422, message: expect.stringContaining('more than is owed: 500 ETH') });
    await expect(repayLiability(database.db, masterId, { account: HOTEL, kind: 'MARGIN', asset: 'ETH', amount: 'lots' }, owner, 'r2')).rejects.toMatchObject({ status: 422 });
    expect((await requests()).slice(before).filter((r) => r.method === 'POST')).toEqual([]);

    const eth = await repayLiability(database.db, masterId, { account: HOTEL, kind: 'MARGIN', asset: 'ETH', amount: '500' }, owner, 'r3');
    expect(eth.liabilities.map((l) => l.asset)).toEqual(['USDT']);
    const usdt = await repayLiability(database.db, masterId, { account: HOTEL, kind: 'MARGIN', asset: 'USDT', amount: '1000000' }, owner, 'r4');
    expect(usdt.liabilities).toEqual([]);
    // Answered once repaid: the refresh that follows is still running, and the review shows the change when it ends.
    expect((await latestRefreshes(database.db, masterId)).newest!.status).toBe('running');
    await Promise.all([eth.refreshed, usdt.refreshed]);
    const { accounts } = await exitOverview(database.db, masterId);
    expect(accounts.find((a) => a.email === HOTEL)!.verdict).toEqual({ kind: 'ready' });
  });

  it('walks both steps: keys gone but still bound, typed confirmation, confirmed by re-read, released by the refresh', async () => {
    const orchestrator = exitOrchestrator({ db: database.db });
    await assertSelectable(database.db, masterId, [HOTEL]);
    const since = Date.now() - 1;
    const started = await orchestrator.start(masterId, [HOTEL], owner);
    expect(await statusOf(orchestrator.start(masterId, [HOTEL], owner))).toBe(409); // one unfinished run per master
    await started.done;

    let view = (await exitRunView(database.db, started.run.id))!;
    expect(view).toMatchObject({ phase: 'keys_deleted', working: false, commands: ['exit', 'cancel'] });
    expect(view.accounts[0]!.keys.map((k) => k.status)).toEqual(['deleted', 'deleted', 'deleted', 'deleted']);
    expect(await simAccount(HOTEL)).toMatchObject({ bound: true, inSpecialKeyMode: true });
    const shown = (await latestRefreshes(database.db, masterId)).shown!;
    expect((await snapshotsOf(database.db, shown.id)).find((s) => s.accountEmail === HOTEL)!.rule).toBe('BOUND_KEYS_DELETED_EXIT_UNCONFIRMED');

    expect(await statusOf(orchestrator.exit(view.id, view.version, 'exit', owner))).toBe(422);
    expect(await statusOf(orchestrator.exit(view.id, view.version - 1, 'EXIT', owner))).toBe(409);
    const exiting = await orchestrator.exit(view.id, view.version, 'EXIT', owner);
    expect(await statusOf(orchestrator.exit(view.id, view.version, 'EXIT', owner))).toBe(409); // double click
    await exiting.done;

    view = (await exitRunView(database.db, started.run.id))!;
    expect(view).toMatchObject({ phase: 'done', commands: [] });
    expect(view.accounts[0]).toMatchObject({ stage: 'confirmed', confirmedAt: expect.any(String) });
    expect(Date.parse(view.accounts[0]!.cooldownEndsAt!) - Date.parse(view.accounts[0]!.confirmedAt!)).toBe(24 * 3_600_000);
    expect(await simAccount(HOTEL)).toMatchObject({ bound: false, inSpecialKeyMode: false, cooldownUntil: expect.any(Number) });
    expect(await database.db.select().from(accountExits).where(eq(accountExits.accountEmail, HOTEL))).toHaveLength(1);
    expect(view.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['exit.start', 'exit.key_deleted', 'exit.keys_deleted', 'exit.confirmed_by_owner', 'exit.called', 'exit.confirmed']));

    const after = (await latestRefreshes(database.db, masterId)).shown!;
    expect((await snapshotsOf(database.db, after.id)).find((s) => s.accountEmail === HOTEL)!.rule).toBe('NOT_BOUND');

    const log = (await requests()).filter((r) => r.time >= since && r.account === HOTEL);
    const deletes = log.filter((r) => r.method === 'DELETE');
    expect(deletes).toHaveLength(4);
    expect(new Set(deletes.map((r) => r.targetKey)).size).toBe(4);
    expect(log.filter((r) => r.path === '/sapi/v1/margin/exit-special-key-mode')).toHaveLength(1);

    // A stale tab acting on the finished run: refused, nothing sent.
    const count = (await requests()).length;
    expect(await statusOf(orchestrator.cancel(view.id, view.version, owner))).toBe(409);
    expect(await statusOf(orchestrator.retryDeletion(view.id, 1, owner))).toBe(409);
    expect((await requests()).length).toBe(count);
  });
});
