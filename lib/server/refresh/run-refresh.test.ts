import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '@/sim/server';
import { loadScenario } from '@/sim/scenario';
import type { AccountRisk, MasterRisk } from '@/lib/risk';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { testDatabases } from '@/lib/testing/databases';
import { loadKeyring } from '../crypto/keyring';
import { seal } from '../crypto/seal';
import { setDatabaseForTesting, type Database } from '../db/client';
import { accountSnapshots, connections, refreshRuns, specialKeySightings } from '../db/schema';
import { RefreshBusyError } from './errors';
import { runRefresh } from './run-refresh';
import { readListing } from './sub-account-listing';

process.env.MARGINWATCH_SECRET_KEY = randomBytes(32).toString('base64');

describe.each(testDatabases())('refresh against the simulator on $driver', ({ open }) => {
  let database: Database;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let masterId: string;

  const snapshotsOf = async (runId: string) => {
    const rows = await database.db.select().from(accountSnapshots).where(eq(accountSnapshots.refreshId, runId));
    return new Map(rows.map((r) => [r.accountEmail.split('@')[0]!, r]));
  };

  beforeAll(async () => {
    database = await open();
    setDatabaseForTesting(database);
    sim = await startSimulator({ port: 0, scenario: await loadScenario('demo') });
    masterId = await seedDemoConnection(database.db, await loadScenario('demo'), sim.url);
  });
  afterAll(async () => {
    await sim?.close();
    await database?.close();
  });

  it('fills a snapshot for every sub-account and applies the LiquidationLoan rules', async () => {
    const { runId, status } = await runRefresh(masterId, 'manual');
    const [run] = await database.db.select().from(refreshRuns).where(eq(refreshRuns.id, runId));
    expect(run?.errors).toEqual([]);
    expect(status).toBe('ok');
    expect(run?.accountsTotal).toBe(14);
    expect(run?.accountsDone).toBe(14);
    expect(run?.errors).toEqual([]);
    // The listing it read is kept for the Connections page, which then spends no request weight.
    const listing = await readListing(database.db, masterId);
    expect(listing.subAccounts.map((s) => s.email)).toHaveLength(14);
    expect(listing.listedAt!.getTime()).toBeLessThanOrEqual(run!.finishedAt!.getTime());

    const snaps = await snapshotsOf(runId);
    expect(snaps.size).toBe(14);
    const rule = (name: string) => snaps.get(name)?.rule;
    expect(rule('desk-alpha')).toBe('BOUND_SPECIAL_KEY');
    expect(rule('desk-bravo')).toBe('BOUND_KEYS_DELETED_EXIT_UNCONFIRMED');
    expect(rule('desk-charlie')).toBe('NOT_BOUND');
    expect(rule('desk-echo')).toBe('PM_PRO_BOUND');
    expect(rule('desk-india')).toBe('UNSUPPORTED_PRODUCT');
    expect(rule('desk-lima')).toBe('UNKNOWN_NO_KEY');
    expect(rule('desk-mike')).toBe('NOT_BOUND');
    expect((snaps.get('desk-kilo')?.risk as AccountRisk).marginLevel).toBeNull();
    // desk-kilo's stored key can only read, and Binance lists special keys for a trading key only: unknown,
    // not a failed read, and nothing sent that the exchange would refuse.
    expect(rule('desk-kilo')).toBe('UNKNOWN_READ_ONLY_KEY');
    expect(snaps.get('desk-kilo')?.stale).toBe(false);
    // desk-delta owes 185,000 USDC of which 35,000 was repaid; USDC has no pair in the demo, so it is
    // valued at 1 USD as a configured stablecoin: 150,000 USD.
    const delta = snaps.get('desk-delta')!.risk as AccountRisk;
    expect(delta.outstandingLoans.map((l) => [l.kind, Number(l.remaining)])).toEqual([['LIQUIDATION_LOAN', 150_000]]);
    expect(Number(delta.outstandingLoanUsd)).toBe(150_000);

    const master = run!.masterRisk as MasterRisk;
    expect(master.counts.bound + master.counts.notBound + master.counts.unknown).toBe(14);

    const alphaKeys = await database.db.select().from(specialKeySightings).where(eq(specialKeySightings.accountEmail, 'desk-alpha@fundx.example'));
    expect(alphaKeys.map((k) => k.name)).toEqual(['alpha-hft-01']);
  });

  it('signs nothing on /sapi with a special key', async () => {
    const res = await fetch(`${sim.url}/__sim/violations`);
    expect(((await res.json()) as { violations: unknown[] }).violations).toEqual([]);
  });

  it('keeps the last good data, marked stale, for an account whose reads fail', async () => {
    const [first] = await database.db.select().from(refreshRuns).where(and(eq(refreshRuns.masterId, masterId), eq(refreshRuns.status, 'ok')));
    const before = await snapshotsOf(first!.id);
    // The owner rotated alpha's secret on the exchange but not here: every signed read is refused.
    await database.db
      .update(connections)
      .set({ sealedSecret: seal('not-the-secret', loadKeyring().current) })
      .where(eq(connections.accountEmail, 'desk-alpha@fundx.example'));

    const { runId, status } = await runRefresh(masterId, 'manual');
    expect(status).toBe('partial');
    const after = await snapshotsOf(runId);
    const alpha = after.get('desk-alpha')!;
    expect(alpha.stale).toBe(true);
    expect(alpha.error).toMatch(/signature/i);
    expect(alpha.dataAt.getTime()).toBe(before.get('desk-alpha')!.dataAt.getTime());
    expect(alpha.input).toEqual(before.get('desk-alpha')!.input);
    expect(after.get('desk-bravo')!.stale).toBe(false);
  });

  it('runs one refresh per master at a time', async () => {
    const results = await Promise.allSettled([runRefresh(masterId, 'manual'), runRefresh(masterId, 'schedule')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(RefreshBusyError);
  });
});
