import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '@/sim/recorder';
import type { RunningSimulator } from '@/sim/server';
import { testDatabases } from '@/lib/testing/databases';
import { demoRefreshed } from '../views/demo-refresh.test-support';
import type { Database } from '../db/client';
import { accountExits, exitRunAccounts } from '../db/schema';
import { ExchangeError } from '../exchange';
import { stepContext, type StepContext } from './context';
import { exitStep } from './exit-step';
import { exitOrchestrator } from './orchestrator';
import { repayLiability } from './repay';
import { loadRun } from './store';

const HOTEL = 'desk-hotel@fundx.example';
const owner = { id: null, email: 'owner@test.example', role: 'owner' as const };
const EXIT_PATH = '/sapi/v1/margin/exit-special-key-mode';

describe.each(testDatabases())('exit step when the connection is never made, on $driver', ({ open }) => {
  let database: Database;
  let sim: RunningSimulator;
  let masterId: string;
  const exitCalls = async () =>
    ((await (await fetch(`${sim.url}/__sim/requests`)).json()) as { requests: RequestRecord[] }).requests.filter((r) => r.path === EXIT_PATH).length;

  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  beforeAll(async () => {
    demo = await demoRefreshed(open);
    ({ database, sim, masterId } = demo);
    // Each repay answers before its refresh ends; wait for both, so none still reads the database after close.
    const eth = await repayLiability(database.db, masterId, { account: HOTEL, kind: 'MARGIN', asset: 'ETH', amount: '500' }, owner, 'r1');
    const usdt = await repayLiability(database.db, masterId, { account: HOTEL, kind: 'MARGIN', asset: 'USDT', amount: '1000000' }, owner, 'r2');
    await Promise.all([eth.refreshed, usdt.refreshed]);
  });
  afterAll(() => demo?.close());

  it('puts the account back to ready and sends the exit later, never recording an exit that was not sent', async () => {
    const started = await exitOrchestrator({ db: database.db }).start(masterId, [HOTEL], owner);
    await started.done;
    const run = (await loadRun(database.db, started.run.id))!.run;

    // The account's reads reach the simulator; only the exit call finds no connection.
    let connected = false;
    const base = stepContext({ db: database.db, run, hooks: {}, actor: owner, owner: 'test', leaseMs: 30_000 });
    const ctx: StepContext = {
      ...base,
      async clientOf(email) {
        const client = await base.clientOf(email);
        if (!client) return null;
        return {
          ...client,
          exitSpecialKeyMode: () =>
            connected ? client.exitSpecialKeyMode() : Promise.reject(new ExchangeError({ code: 'NETWORK', neverSent: true, message: 'could not reach the exchange (ECONNREFUSED) — nothing was sent' })),
        };
      },
    };
    const stage = async () =>
      (await database.db.select().from(exitRunAccounts).where(and(eq(exitRunAccounts.runId, run.id), eq(exitRunAccounts.accountEmail, HOTEL))))[0]!;
    const exits = () => database.db.select().from(accountExits).where(eq(accountExits.accountEmail, HOTEL));

    expect(await exitStep(ctx)).toBe(false); // not settled: tried again later
    expect(await stage()).toMatchObject({ stage: 'keys_deleted', reason: expect.stringContaining('exit not sent yet') });
    expect(await exits()).toEqual([]);
    expect(await exitCalls()).toBe(0);

    connected = true;
    expect(await exitStep(ctx)).toBe(true);
    expect((await stage()).stage).toBe('confirmed');
    expect(await exits()).toHaveLength(1);
    expect(await exitCalls()).toBe(1);
  });
});
