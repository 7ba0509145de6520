import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountDetail } from './account-detail';
import { demoRefreshed, email } from './demo-refresh.test-support';

describe('account detail on demo snapshots', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  beforeAll(async () => {
    demo = await demoRefreshed();
  });
  afterAll(() => demo?.close());

  const detail = (name: string) => accountDetail(demo.database.db, email(name), { shockA: -0.2, shockB: -0.4 });

  it('is null for an account the master does not have', async () => {
    expect(await detail('nobody')).toBeNull();
  });

  it('desk-bravo: still bound, with its deleted special keys and no confirmed exit', async () => {
    const d = (await detail('desk-bravo'))!;
    expect(d.row.rule).toBe('BOUND_KEYS_DELETED_EXIT_UNCONFIRMED');
    expect(d.specialKeys.map((k) => k.name)).toEqual(['bravo-hft-01', 'bravo-hft-02']);
    expect(d.specialKeys.every((k) => k.deletedAt !== null)).toBe(true);
    expect(d.exits).toEqual([]);
    expect(d.history).toHaveLength(1);
    expect(d.history[0]!.marginLevel).toBe(d.row.level.value);
    expect(d.curve.length).toBeGreaterThan(20);
  });

  it('desk-mike: exit confirmed, cooldown ends 24 h later', async () => {
    const d = (await detail('desk-mike'))!;
    expect(d.row.bound).toBe(false);
    const [exit] = d.exits;
    expect(new Date(exit!.cooldownEndsAt).getTime() - new Date(exit!.confirmedAt).getTime()).toBe(24 * 3_600_000);
  });

  it('balances keep exact decimals and value them exactly', async () => {
    const d = (await detail('desk-echo'))!;
    const usdt = d.balances.find((b) => b.asset === 'USDT')!;
    expect(usdt.borrowed).toBe('10500000.00000000');
    expect(usdt.liabilityUsd).toBe('10500000');
    const btc = d.balances.find((b) => b.asset === 'BTC')!;
    expect(btc.assetUsd).toBe('7760000');
    expect(d.pmPro).toMatchObject({ uniMMR: expect.stringMatching(/^1\.22/), accountEquity: '1160000.00000000' });
  });

  it('desk-golf: isolated pairs with their own bars', async () => {
    const d = (await detail('desk-golf'))!;
    expect(d.isolatedPairs.map((p) => p.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(d.isolatedPairs[0]).toMatchObject({ liquidateBar: '1.10000000', base: { asset: 'BTC', totalAsset: '50.00000000' } });
  });

  it('desk-lima: no key stored, so special keys are unknown', async () => {
    const d = (await detail('desk-lima'))!;
    expect(d.dataAvailable).toBe(false);
    expect(d.row.rule).toBe('UNKNOWN_NO_KEY');
    expect(d.row.reason).toMatch(/no key/i);
  });
});
