import { describe, expect, it } from 'vitest';
import { isNearLiquidation, owedFigure, projectedOutcome } from './projection';

describe('projectedOutcome: owed / could be owed / collateral lost, decided once', () => {
  it.each([
    [true, { deficit: 120, owed: 120 }, 'owed', 120, 120],
    [null, { deficit: 80, owed: 0 }, 'could_be_owed', 80, 80],
    [false, { deficit: 80, owed: 0 }, 'collateral_lost', 80, 0],
    [true, { deficit: 0, owed: 0 }, 'none', 0, 0],
    [null, { deficit: 0, owed: 0 }, 'none', 0, 0],
  ] as const)('bound %s, %o → %s', (bound, at, kind, usd, owed) => {
    const p = projectedOutcome(bound, at);
    expect([p.kind, p.usd, owedFigure(p)]).toEqual([kind, usd, owed]);
  });
});

describe('isNearLiquidation', () => {
  it('follows the exchange’s status first, then the distance threshold (10 %)', () => {
    expect(isNearLiquidation('MARGIN_CALL', null)).toBe(true);
    expect(isNearLiquidation('NORMAL', 0.099)).toBe(true);
    expect(isNearLiquidation('NORMAL', 0.1)).toBe(false);
    expect(isNearLiquidation('NORMAL', null)).toBe(false);
  });
});
