import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_CONFIG, makeRiskConfig, shockGrid } from './config';

describe('risk config (docs/domain.md#exposure choices)', () => {
  it('default grid −60 % … +60 % step 5 %: 25 shocks, exact decimal-looking values', () => {
    const grid = DEFAULT_RISK_CONFIG.shocks;
    // (0.60 − (−0.60)) / 0.05 + 1 = 25.
    expect(grid).toHaveLength(25);
    expect([grid[0], grid[4], grid[12], grid[24]]).toEqual([-0.6, -0.4, 0, 0.6]);
  });

  it('defaults: f = 1 %, PM Pro tiers 1.20 / 1.05 / 1.00, USDT and USDC stable', () => {
    expect(DEFAULT_RISK_CONFIG.liquidationCost).toBe(0.01);
    expect(DEFAULT_RISK_CONFIG.pmProTiers).toEqual({ reduceOnly: '1.20', liquidation: '1.05', claim: '1.00' });
    expect(DEFAULT_RISK_CONFIG.stableAssets).toEqual(expect.arrayContaining(['USDT', 'USDC', 'FDUSD', 'DAI', 'TUSD']));
  });

  it('custom grid, inclusive of both ends', () => {
    expect(shockGrid(-0.3, 0.3, 0.1)).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(() => shockGrid(0, 1, 0)).toThrow(RangeError);
  });

  it('rejects settings that make no sense: f ≥ 1, a shock of −100 %, a non-decimal tier', () => {
    expect(() => makeRiskConfig({ liquidationCost: 1 })).toThrow();
    expect(() => makeRiskConfig({ shocks: [-1] })).toThrow();
    expect(() => makeRiskConfig({ pmProTiers: { reduceOnly: 'x', liquidation: '1.05', claim: '1' } })).toThrow();
    expect(makeRiskConfig({ liquidationCost: 0.02 }).liquidationCost).toBe(0.02);
  });
});
