import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRisk, MasterRisk } from '@/lib/risk';
import { parseScenario } from '@/sim/scenario';
import { normalKey, specialKey } from '@/sim/testing/scenarios';
import { demoRefreshed, email } from './demo-refresh.test-support';
import { accountDetail } from './account-detail';
import { listAccounts } from './accounts';
import { latestRefreshes, masterRiskOf, snapshotsOf } from './latest';

/**
 * An asset the app cannot price, end to end against the simulator (issue 13, docs/domain.md#status): Binance values
 * XYZ at its index for margin but lists no ticker. desk-november (demo) holds 40,000 XYZ against 50,000 USDT
 * borrowed; desk-oscar (added here) is bound and has BORROWED 40,000 XYZ against 200,000 USDT.
 */
describe('an unpriced asset held, and an unpriced asset borrowed', () => {
  let env: Awaited<ReturnType<typeof demoRefreshed>>;
  let risks: Map<string, AccountRisk>;
  let stale: Map<string, boolean>;
  let master: MasterRisk;

  beforeAll(async () => {
    env = await demoRefreshed(undefined, (demo) =>
      parseScenario({
        ...demo,
        subAccounts: [
          ...demo.subAccounts,
          {
            subUserId: 20000015,
            email: email('desk-oscar'),
            assets: [{ asset: 'USDT', free: '200000' }, { asset: 'XYZ', borrowed: '40000' }],
            keys: [normalKey('oscar-monitor'), specialKey('oscar-hft-01')],
          },
        ],
      }),
    );
    const { shown } = await latestRefreshes(env.database.db, env.masterId);
    const snaps = await snapshotsOf(env.database.db, shown!.id);
    risks = new Map(snaps.map((s) => [s.accountEmail, s.risk as AccountRisk]));
    stale = new Map(snaps.map((s) => [s.accountEmail, s.stale]));
    master = (await masterRiskOf(env.database.db, shown!.id)) as MasterRisk;
  }, 120_000);

  afterAll(async () => env?.close());

  it('values both accounts (no failed valuation, not stale, not "never read")', () => {
    for (const name of ['desk-november', 'desk-oscar']) {
      expect(stale.get(email(name)), name).toBe(false);
      expect(risks.get(email(name))!.neverRead, name).toBeUndefined();
    }
  });

  it('desk-november: the USDT debt counts, XYZ is named, the status is "incomplete" with Binance’s level beside it', () => {
    const r = risks.get(email('desk-november'))!;
    expect(r.totals.liabilitiesUsd).toBe('50000');
    expect(r.totals.assetsUsd).toBe('0');
    expect(r.unpriced).toEqual([expect.objectContaining({ asset: 'XYZ', held: '40000', owed: '0' })]);
    expect(r.status).toBe('INCOMPLETE');
    // The simulator reports 100,000 / 50,000 = 2 from its own index price.
    expect(r.statusSource).toMatch(/^no price for XYZ; Binance marginLevel 2(\.0+)? /);
    // Ours would be 0 / 50,000: never shown as a level, never solved for a liquidation shock.
    expect(r.marginLevel).toBeNull();
    expect(r.shocks).toEqual({ liquidation: null, bankruptcy: null, deficitOnset: null });
    expect(r.deficitBound).toBe('AT_MOST');
    // A key is stored and read: the verdict is the real one, not "no key stored".
    expect(r.applicability).toMatchObject({ bound: false, rule: 'NOT_BOUND' });
  });

  it('desk-oscar: an unpriced borrowing is a debt (never "No debt"), its deficit at least what is shown', () => {
    const r = risks.get(email('desk-oscar'))!;
    expect(r.unpriced).toEqual([expect.objectContaining({ asset: 'XYZ', held: '0', owed: '40000' })]);
    expect(r.totals.liabilitiesUsd).toBe('0');
    expect(r.status).toBe('INCOMPLETE');
    expect(r.applicability.bound).toBe(true);
    expect(r.deficitBound).toBe('AT_LEAST');
  });

  it('the master totals include the 50,000 and say how much is unpriced', () => {
    const sum = [...risks.values()].reduce((s, r) => s.plus(r.totals.liabilitiesUsd), new Decimal(0));
    expect(new Decimal(master.totals.liabilitiesUsd).eq(sum)).toBe(true);
    expect(sum.gte(50_000)).toBe(true);
    expect(master.unpriced).toEqual({ accounts: 2, byAsset: [{ asset: 'XYZ', held: '40000', owed: '40000' }] });
  });

  it('the account page lists XYZ without a USD value, and the list shows Binance’s level and a bounded deficit', async () => {
    const detail = await accountDetail(env.database.db, email('desk-november'), { shockA: -0.2, shockB: -0.4, masterId: env.masterId });
    expect(detail!.balances).toContainEqual(expect.objectContaining({ asset: 'XYZ', free: '40000.00000000', assetUsd: null, liabilityUsd: null }));
    const list = await listAccounts(env.database.db, { shockA: -0.2, shockB: -0.4, masterId: env.masterId });
    const row = list.rows.find((x) => x.email === email('desk-november'))!;
    expect(row).toMatchObject({ status: 'INCOMPLETE', level: { kind: 'ML', value: null }, deficitBound: 'AT_MOST' });
    expect(Number(row.reported?.level)).toBe(2);
    const oscar = list.rows.find((x) => x.email === email('desk-oscar'))!;
    expect(oscar.deficitBound).toBe('AT_LEAST');
  });
});
