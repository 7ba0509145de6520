import { randomBytes } from 'node:crypto';
import Decimal from 'decimal.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRisk, MasterRisk } from '@/lib/risk';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { startSimulator } from '@/sim/server';
import { loadScenario } from '@/sim/scenario';
import { testDatabases } from '@/lib/testing/databases';
import { loadKeyring } from '../crypto/keyring';
import { seal } from '../crypto/seal';
import { setDatabaseForTesting, type Database } from '../db/client';
import { connections, refreshRuns } from '../db/schema';
import { runRefresh } from '../refresh/run-refresh';
import { getOverview } from './overview';
import { snapshotsOf } from './latest';

process.env.MARGINWATCH_SECRET_KEY = randomBytes(32).toString('base64');

describe('getOverview on real demo snapshots', () => {
  let database: Database;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let masterId: string;

  beforeAll(async () => {
    database = await testDatabases()[0]!.open();
    setDatabaseForTesting(database);
    sim = await startSimulator({ port: 0, scenario: await loadScenario('demo') });
  });
  afterAll(async () => {
    await sim?.close();
    await database?.close();
  });

  it('is null without a master, and has no data before the first refresh', async () => {
    expect(await getOverview(database.db)).toBeNull();
    masterId = await seedDemoConnection(database.db, await loadScenario('demo'), sim.url);
    const overview = await getOverview(database.db);
    expect(overview?.master.id).toBe(masterId);
    expect(overview?.data).toBeNull();
    expect(overview?.refresh).toEqual({ shown: null, newest: null });
  });

  it('shows the stored master risk: totals are the exact sum of the snapshots, callouts are curve points', async () => {
    const { runId } = await runRefresh(masterId, 'manual');
    const overview = (await getOverview(database.db, masterId))!;
    const data = overview.data!;
    expect(overview.refresh.shown?.id).toBe(runId);
    expect(overview.refresh.newest?.status).toBe('ok');

    const risks = (await snapshotsOf(database.db, runId)).map((s) => s.risk as AccountRisk);
    const sum = (pick: (r: AccountRisk) => string) => risks.reduce((acc, r) => acc.plus(pick(r)), new Decimal(0));
    expect(data.accountCount).toBe(risks.length);
    expect(new Decimal(data.totals.assetsUsd).eq(sum((r) => r.totals.assetsUsd))).toBe(true);
    expect(new Decimal(data.totals.liabilitiesUsd).eq(sum((r) => r.totals.liabilitiesUsd))).toBe(true);
    expect(new Decimal(data.totals.equityUsd).eq(sum((r) => r.totals.equityUsd))).toBe(true);
    expect(new Decimal(data.totals.outstandingLoansUsd).eq(sum((r) => r.outstandingLoanUsd))).toBe(true);
    // desk-delta's outstanding LiquidationLoan (run-refresh.test.ts): 150,000 USD.
    expect(new Decimal(data.totals.liquidationLoanUsd).gte(150_000)).toBe(true);

    const [run] = await database.db.select().from(refreshRuns).where(eq(refreshRuns.id, runId));
    const master = run!.masterRisk as MasterRisk;
    expect(data.callouts.map((c) => c.shock)).toEqual([-0.2, -0.4, 0.2, 0.4]);
    for (const c of data.callouts) {
      const point = master.curve.find((p) => p.shock === c.shock)!;
      expect(c).toEqual({ shock: point.shock, owed: point.owed, unknownBinding: point.unknownBinding, collateralLost: point.collateralLost, top: point.top });
    }
    // The demo has bound accounts that go into deficit on a fall, and a bound short book that does on a rise.
    expect(data.callouts[1]!.owed).toBeGreaterThan(0);
    expect(data.callouts[3]!.owed).toBeGreaterThan(0);
    // Who owes the outstanding loans: each owing account once, and together exactly the master's total.
    expect(data.owing.map((o) => o.email)).toContain('desk-delta@fundx.example');
    expect(data.owing.reduce((acc, o) => acc.plus(o.valueUsd), new Decimal(0)).eq(data.totals.outstandingLoansUsd)).toBe(true);
    expect(data.owing.every((o) => o.loans.length > 0 && new Decimal(o.valueUsd).gt(0))).toBe(true);
    expect(data.counts.bound + data.counts.notBound + data.counts.unknown).toBe(risks.length);
    expect(Object.values(data.counts.byStatus).reduce((a, b) => a + b, 0)).toBe(risks.length);
  });

  it('stacks the top contributors so the bands add up to the projected owed', async () => {
    const { curve } = (await getOverview(database.db))!.data!;
    expect(curve.rows.map((r) => r.shock)).toEqual(curve.rows.map((r) => r.shock).sort((a, b) => a - b));
    expect(curve.range).toEqual([-0.6, 0.6]);
    expect(curve.series.length).toBeGreaterThan(0);
    for (const row of curve.rows) {
      const bands = Object.values(row.stack).reduce((a, b) => a + b, 0);
      expect(bands).toBeCloseTo(row.owed, 2);
      expect(Object.values(row.stack).every((v) => v >= 0)).toBe(true);
    }
    for (const m of curve.markers) {
      expect(curve.series.some((s) => s.email === m.email)).toBe(true);
      expect(m.crossing.shock).toBeGreaterThanOrEqual(-0.6);
    }
  });

  it('ranks the nearest to liquidation by how far prices must move', async () => {
    const { nearest } = (await getOverview(database.db))!.data!;
    expect(nearest.length).toBeGreaterThan(0);
    const distances = nearest.map((n) => n.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(nearest.every((n) => n.rule !== null)).toBe(true);
    // desk-golf's isolated BTCUSDT (ML ≈ 1.155, bar 1.1) liquidates near −4.7 %, long before its cross wallet.
    const golf = nearest.find((n) => n.email === 'desk-golf@fundx.example' && n.pair === 'BTCUSDT');
    expect(golf).toMatchObject({ rule: 'ISOLATED_NEVER', bound: false, liquidation: { direction: 'DOWN' } });
    expect(golf!.distance).toBeCloseTo(0.047, 3);
  });

  it('lists stale accounts with their error and the age of their data', async () => {
    await database.db
      .update(connections)
      .set({ sealedSecret: seal('not-the-secret', loadKeyring().current) })
      .where(eq(connections.accountEmail, 'desk-alpha@fundx.example'));
    const before = (await getOverview(database.db))!.data!;
    const { status } = await runRefresh(masterId, 'manual');
    expect(status).toBe('partial');
    const overview = (await getOverview(database.db))!;
    const data = overview.data!;
    expect(overview.refresh.newest?.status).toBe('partial');
    expect(overview.refresh.newest?.errorCount).toBeGreaterThan(0);
    expect(data.stale).toHaveLength(1);
    expect(data.stale[0]!.email).toBe('desk-alpha@fundx.example');
    expect(data.stale[0]!.error).toMatch(/signature/i);
    // The stale account's data is the previous refresh's: older than the figures' refresh.
    expect(data.stale[0]!.dataAt <= before.takenAt).toBe(true);
    expect(data.oldestDataAt).toBe(data.stale[0]!.dataAt);
  });
});
