import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from './scenario';
import { type RunningSimulator, startSimulator } from './server';
import { obj, signed } from './testing/client';
import { creds, demo } from './testing/scenarios';

let sim: RunningSimulator;
let scenario: Scenario;

beforeAll(async () => {
  scenario = await demo();
  sim = await startSimulator({ port: 0, scenario });
});
afterAll(() => sim.close());

const sub = (email: string) => {
  const s = scenario.subAccounts.find((a) => a.email === email);
  if (!s) throw new Error(email);
  return s;
};

describe('demo scenario', () => {
  it('covers every row of docs/domain.md#liquidationloan and the issue’s cases', () => {
    const modes = new Set(scenario.subAccounts.map((s) => s.mode));
    expect(modes).toEqual(new Set(['CROSS_MARGIN_CLASSIC', 'PORTFOLIO_MARGIN_PRO', 'CROSS_MARGIN_PRO']));
    expect(scenario.termsSigned).toBe(true);
    expect(sub('desk-bravo@fundx.example').deletedSpecialKeys.length).toBeGreaterThan(0);
    expect(sub('desk-bravo@fundx.example').keys.some((k) => k.kind === 'special')).toBe(false);
    expect(sub('desk-hotel@fundx.example').keys).toHaveLength(30);
    expect(sub('desk-golf@fundx.example').isolated).toHaveLength(2);
    expect(sub('desk-delta@fundx.example').liquidationLoan).toBeDefined();
    expect(sub('desk-juliet@fundx.example').keys.find((k) => k.kind === 'special')?.ip).toEqual([]);
    expect(sub('desk-kilo@fundx.example').keys[0]?.permissions.enableWithdrawals).toBe(true);
    // Exactly one monitorable-looking account has a special key and no normal key.
    const unmonitorable = scenario.subAccounts.filter((s) => s.keys.some((k) => k.kind === 'special') && !s.keys.some((k) => k.kind === 'normal'));
    expect(unmonitorable.map((s) => s.email)).toEqual(['desk-lima@fundx.example']);
    // Every key has a human name and the master key can read.
    for (const a of [scenario.master, ...scenario.subAccounts]) for (const k of a.keys) expect(k.name).toMatch(/^[a-z]/);
    expect(scenario.master.keys[0]).toMatchObject({ name: 'marginwatch-master-read', kind: 'normal', permissions: { enableReading: true } });
  });

  it('reports BTC totals equal to Σ (free + locked) × price / BTC price and ML = Σ a·p / Σ l·p for every sub', async () => {
    const prices: Record<string, Decimal> = { USDT: new Decimal(1), USDC: new Decimal(1) };
    for (const [s, p] of Object.entries(scenario.prices)) prices[s.slice(0, -4)] = new Decimal(p);
    // Binance's own figures include an asset it lists no ticker for, at its index price.
    for (const [a, p] of Object.entries(scenario.indexOnlyPrices)) prices[a] = new Decimal(p);
    const btc = prices.BTC as Decimal;
    const master = creds(scenario, 'marginwatch-master-read');
    for (const s of scenario.subAccounts) {
      const view = obj(await signed(sim.url, master, 'GET', '/sapi/v1/sub-account/margin/account', { email: s.email }));
      const rows = view.marginUserAssetVoList as Array<Record<string, string>>;
      let assets = new Decimal(0);
      let debts = new Decimal(0);
      for (const r of rows) {
        const p = prices[r.asset as string] as Decimal;
        assets = assets.plus(new Decimal(r.free as string).plus(r.locked as string).times(p));
        debts = debts.plus(new Decimal(r.borrowed as string).plus(r.interest as string).times(p));
      }
      expect(assets.div(btc).minus(view.totalAssetOfBtc as string).abs().lte('0.00000001')).toBe(true);
      expect(debts.div(btc).minus(view.totalLiabilityOfBtc as string).abs().lte('0.00000001')).toBe(true);
      expect(new Decimal(view.totalAssetOfBtc as string).minus(view.totalLiabilityOfBtc as string).toFixed(8)).toBe(view.totalNetAssetOfBtc);
      if (debts.isZero()) expect(view.marginLevel).toBe('999');
      else expect(assets.div(debts).minus(view.marginLevel as string).abs().lte('0.00000001')).toBe(true);
    }
  });

  it('values an index-only asset in the margin figures but lists no ticker for it (sim/README.md "Unpriced assets")', async () => {
    const all = (await (await fetch(`${sim.url}/api/v3/ticker/price`)).json()) as { symbol: string }[];
    expect(all.map((t) => t.symbol)).toContain('BTCUSDT');
    expect(all.some((t) => t.symbol.startsWith('XYZ'))).toBe(false);
    const one = await fetch(`${sim.url}/api/v3/ticker/price?symbol=XYZUSDT`);
    expect(one.status).toBe(400);
    expect(await one.json()).toMatchObject({ code: -1121 });
    const november = creds(scenario, 'november-monitor');
    const margin = obj(await signed(sim.url, november, 'GET', '/sapi/v1/margin/account', {}));
    // 40,000 XYZ × 2.5 / 50,000 USDT owed.
    expect(margin.marginLevel).toBe('2.00000000');
    expect((margin.userAssets as Array<Record<string, string>>).find((u) => u.asset === 'XYZ')).toMatchObject({ free: '40000.00000000' });
  });
});
