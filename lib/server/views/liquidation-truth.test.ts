import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRisk, MasterRisk } from '@/lib/risk';
import type { LiquidationEvent } from '@/sim/liquidation';
import { runRefresh } from '../refresh/run-refresh';
import { demoRefreshed, email } from './demo-refresh.test-support';
import { latestRefreshes, masterRiskOf, snapshotsOf } from './latest';

/**
 * The simulator's own forced liquidation, then a refresh (issue 13): the liquidated accounts show their loan,
 * a status that says so and "bound", and the master totals include every account.
 */
describe('after the simulator liquidates the desk at −40 %', () => {
  let env: Awaited<ReturnType<typeof demoRefreshed>>;
  let events: LiquidationEvent[];
  let risks: Map<string, AccountRisk>;
  let master: MasterRisk;

  beforeAll(async () => {
    env = await demoRefreshed();
    const res = await fetch(`${env.sim.url}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shock: '-0.4' }) });
    expect(res.status).toBe(200);
    events = ((await res.json()) as { liquidations: LiquidationEvent[] }).liquidations;
    const { status } = await runRefresh(env.masterId, 'manual');
    expect(status).toBe('ok');
    const { shown } = await latestRefreshes(env.database.db, env.masterId);
    const snaps = await snapshotsOf(env.database.db, shown!.id);
    risks = new Map(snaps.map((s) => [s.accountEmail, s.risk as AccountRisk]));
    master = (await masterRiskOf(env.database.db, shown!.id)) as MasterRisk;
  }, 120_000);

  afterAll(async () => env?.close());

  it('the simulator booked at least one LiquidationLoan and one bankruptcy loan', () => {
    expect(events.filter((e) => e.outcome === 'LIQUIDATION_LOAN').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.outcome === 'BANKRUPTCY_LOAN').length).toBeGreaterThan(0);
  });

  it('each LiquidationLoan shows as the loan, "liquidated — loan outstanding" and bound', () => {
    for (const e of events.filter((x) => x.outcome === 'LIQUIDATION_LOAN' && x.email !== email('desk-lima'))) {
      const r = risks.get(e.email)!;
      const loan = r.outstandingLoans.find((l) => l.kind === "LIQUIDATION_LOAN");
      // The loan is the simulator's realised deficit, to the cent (USDC at 1).
      expect(new Decimal(loan!.valueUsd!).toDecimalPlaces(2).toFixed(2), e.email).toBe(new Decimal(e.deficitUsd).toDecimalPlaces(2).toFixed(2));
      expect(r.status, e.email).toBe('LOAN_OUTSTANDING');
      expect(r.statusSource, e.email).toMatch(/LiquidationLoan \(margin\/liquidation-loan\) outstanding/);
      expect(r.applicability, e.email).toMatchObject({ bound: true, rule: 'BOUND_LIQUIDATION_LOAN' });
      expect(r.applicability.evidence, e.email).toContainEqual(expect.stringMatching(/^LiquidationLoan outstanding: /));
    }
  });

  it('desk-lima (no key stored) was liquidated into a loan nobody here can read: unknown, never "No debt"', () => {
    expect(events.some((e) => e.email === email('desk-lima') && e.outcome === 'LIQUIDATION_LOAN')).toBe(true);
    const r = risks.get(email('desk-lima'))!;
    expect(r).toMatchObject({ status: 'UNKNOWN', statusSource: expect.stringMatching(/loans unreadable without this account's own key/) });
    expect(r.applicability).toMatchObject({ bound: null, rule: 'UNKNOWN_NO_KEY' });
  });

  it('each bankruptcy loan shows as "bankrupted" and bound, never "no debt"', () => {
    for (const e of events.filter((x) => x.outcome === 'BANKRUPTCY_LOAN')) {
      const r = risks.get(e.email)!;
      expect(r.outstandingLoans.some((l) => l.kind === 'PM_BANKRUPTCY_LOAN'), e.email).toBe(true);
      expect(r.status, e.email).toBe('BANKRUPTED');
      expect(r.applicability.bound, e.email).toBe(true);
    }
  });

  it('no account with a debt or a loan reads "No debt" or "Normal" where Binance says worse', () => {
    for (const [email, r] of risks) {
      if (r.outstandingLoans.length > 0 || r.totals.liabilitiesUsd !== '0') expect(r.status, email).not.toBe('NO_DEBT');
      if (r.outstandingLoans.length > 0) expect(['NORMAL', 'NO_DEBT'], email).not.toContain(r.status);
    }
  });

  it('the master totals include every account and every loan', () => {
    const sum = (pick: (r: AccountRisk) => string) => [...risks.values()].reduce((s, r) => s.plus(pick(r)), new Decimal(0));
    expect(master.accountCount).toBe(14);
    expect(new Decimal(master.totals.assetsUsd).eq(sum((r) => r.totals.assetsUsd))).toBe(true);
    expect(new Decimal(master.totals.liabilitiesUsd).eq(sum((r) => r.totals.liabilitiesUsd))).toBe(true);
    expect(new Decimal(master.outstandingLoans.totalUsd).eq(sum((r) => r.outstandingLoanUsd))).toBe(true);
    const booked = events.filter((e) => e.outcome === 'LIQUIDATION_LOAN' || e.outcome === 'BANKRUPTCY_LOAN').length;
    expect(master.counts.byStatus.LOAN_OUTSTANDING + master.counts.byStatus.BANKRUPTED).toBeGreaterThanOrEqual(booked);
    // desk-november's XYZ has no ticker (it is not liquidated at −40 %): named, never summed as 0.
    expect(master.unpriced).toEqual({ accounts: 1, byAsset: [{ asset: 'XYZ', held: '40000', owed: '0' }] });
  });
});
