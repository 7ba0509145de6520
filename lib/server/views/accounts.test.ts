import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRisk } from '@/lib/risk';
import { testDatabases } from '@/lib/testing/databases';
import { accountSnapshots } from '../db/schema';
import { listAccounts, worstPair } from './accounts';
import { ShockNotOnGridError } from './errors';
import { demoRefreshed } from './demo-refresh.test-support';

describe('accounts list on demo snapshots', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  beforeAll(async () => {
    demo = await demoRefreshed();
  });
  afterAll(() => demo?.close());

  const list = () => listAccounts(demo.database.db, { shockA: -0.2, shockB: -0.4 });
  const byName = async () => new Map((await list()).rows.map((r) => [r.email.split('@')[0]!, r]));

  it('has one row per sub-account of the demo', async () => {
    const result = await list();
    expect(result.rows).toHaveLength(14);
    expect(result.refresh?.status).toBe('ok');
    expect(result.shocks).toMatchObject({ a: -0.2, b: -0.4 });
  });

  it.each([
    ['desk-alpha', true, 'BOUND_SPECIAL_KEY'],
    ['desk-bravo', true, 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED'],
    ['desk-charlie', false, 'NOT_BOUND'],
    ['desk-echo', true, 'PM_PRO_BOUND'],
    ['desk-india', null, 'UNSUPPORTED_PRODUCT'],
    ['desk-lima', null, 'UNKNOWN_NO_KEY'],
    ['desk-mike', false, 'NOT_BOUND'],
  ] as const)('%s is bound=%s by rule %s', async (name, bound, rule) => {
    const row = (await byName()).get(name)!;
    expect(row.bound).toBe(bound);
    expect(row.rule).toBe(rule);
    expect(row.reason.length).toBeGreaterThan(10);
  });

  it('takes owed at −20 % and −40 % from the stored curve point, not a recomputation', async () => {
    const rows = await byName();
    const stored = await demo.database.db.select().from(accountSnapshots);
    for (const s of stored) {
      const risk = s.risk as AccountRisk;
      const row = rows.get(s.accountEmail.split('@')[0]!)!;
      const at = (shock: number) => risk.curve.find((p) => Math.abs(p.shock - shock) < 1e-9)!;
      expect(row.atA).toEqual({ deficit: at(-0.2).deficit, owed: at(-0.2).owed });
      expect(row.atB).toEqual({ deficit: at(-0.4).deficit, owed: at(-0.4).owed });
    }
    // desk-bravo is still bound after deleting its keys: a −40 % gap leaves a loan it must repay.
    expect(rows.get('desk-bravo')!.atB!.owed).toBeGreaterThan(0);
  });

  it('shows margin level against the bars, uniMMR against the PM Pro tiers, and none without debt', async () => {
    const rows = await byName();
    expect(rows.get('desk-bravo')).toMatchObject({ status: 'MARGIN_CALL', level: { kind: 'ML' }, bars: { liquidation: expect.any(String) } });
    expect(rows.get('desk-echo')).toMatchObject({ level: { kind: 'uniMMR' }, bars: { marginCall: '1.20', liquidation: '1.05' } });
    expect(rows.get('desk-kilo')!.level.value).toBeNull();
    expect(rows.get('desk-juliet')!.liquidation?.direction).toBe('UP');
    // The master's key list counts desk-lima's one key; its special keys stay unknown without a key of its own.
    expect(rows.get('desk-lima')!.keys).toEqual({ total: 1, special: null, stored: 0 });
    expect(rows.get('desk-hotel')!.keys).toEqual({ total: 30, special: 4, stored: 1 });
    expect(Number(rows.get('desk-delta')!.outstandingLoanUsd)).toBe(150_000);
  });

  it('desk-golf: the row carries its worst isolated pair, so a cross wallet without debt does not read as safe', async () => {
    const golf = (await byName()).get('desk-golf')!;
    // BTCUSDT: 50 BTC × 97,000 = 4,850,000 against 4,200,000 USDT borrowed → ML ≈ 1.155, bar 1.1.
    expect(golf.isolated).toMatchObject({ symbol: 'BTCUSDT', pairs: 2, bar: '1.10000000', liquidation: { direction: 'DOWN' } });
    expect(Number(golf.isolated!.marginLevel)).toBeCloseTo(1.1547, 3);
    expect(golf.isolated!.liquidationDistance).toBeGreaterThan(0);
    expect(golf.isolated!.liquidationDistance).toBeLessThan(0.1);
    expect((await byName()).get('desk-alpha')!.isolated).toBeNull();
  });

  it('worstPair: nearest to liquidation first, then the worse status, then the lower level', () => {
    const pair = (symbol: string, shock: number | null, status: 'NORMAL' | 'MARGIN_CALL' | 'NO_DEBT', marginLevel: string | null) => ({
      symbol, status, marginLevel, bar: '1.1', liquidation: shock === null ? null : { shock, direction: 'DOWN' as const },
    });
    expect(worstPair([])).toBeNull();
    expect(worstPair([pair('A', -0.3, 'NORMAL', '1.6'), pair('B', -0.05, 'NORMAL', '1.16')])?.symbol).toBe('B');
    expect(worstPair([pair('A', null, 'NO_DEBT', null), pair('B', null, 'MARGIN_CALL', '1.2')])?.symbol).toBe('B');
    expect(worstPair([pair('A', null, 'NORMAL', '3'), pair('B', null, 'NORMAL', '2')])).toMatchObject({ symbol: 'B', pairs: 2, liquidationDistance: null });
  });

  it('refuses a shock that has no stored curve point', async () => {
    await expect(listAccounts(demo.database.db, { shockA: -0.23, shockB: -0.4 })).rejects.toBeInstanceOf(ShockNotOnGridError);
  });

  it('is empty, not an error, before any master is stored', async () => {
    const empty = await testDatabases()[0]!.open();
    try {
      const result = await listAccounts(empty.db, { shockA: -0.2, shockB: -0.4 });
      expect(result).toMatchObject({ master: null, refresh: null, rows: [] });
    } finally {
      await empty.close();
    }
  });
});
