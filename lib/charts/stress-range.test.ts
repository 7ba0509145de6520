import { describe, expect, it } from 'vitest';
import type { DeficitPoint } from '@/lib/risk';
import { stressView } from './stress-range';

const grid = (deficitAt: (s: number) => number): DeficitPoint[] =>
  Array.from({ length: 25 }, (_, i) => {
    const shock = Math.round((-0.6 + i * 0.05) * 100) / 100;
    return { shock, deficit: deficitAt(shock), owed: 0, collateralLost: 0 };
  });

describe('stressView', () => {
  it('widens the range to a liquidation and a bankruptcy beyond the curve (−60 % and −64 % on a ±60 % grid)', () => {
    const v = stressView(grid(() => 0), { liquidation: { shock: -0.6, direction: 'DOWN' }, bankruptcy: { shock: -0.64, direction: 'DOWN' }, deficitOnset: null });
    expect(v.domain).toEqual([-0.7, 0.6]);
    expect(v.ticks[0]).toBe(-0.6);
    expect(v.beyondGrid).toBe(true);
    expect(v.marks.map((m) => m.kind)).toEqual(['liquidation', 'bankruptcy']);
  });

  it('keeps ±60 % when every mark is inside it, and never goes below −100 %', () => {
    expect(stressView(grid(() => 0), { liquidation: { shock: -0.3, direction: 'DOWN' }, bankruptcy: null, deficitOnset: null })).toMatchObject({ domain: [-0.6, 0.6], beyondGrid: false });
    expect(stressView(grid(() => 0), { liquidation: { shock: -0.97, direction: 'DOWN' }, bankruptcy: null, deficitOnset: null }).domain[0]).toBe(-1);
  });

  it('says whether there is any deficit to draw', () => {
    const none = { liquidation: null, bankruptcy: null, deficitOnset: null };
    expect(stressView(grid(() => 0), none).anyDeficit).toBe(false);
    expect(stressView(grid((s) => (s < -0.5 ? 1000 : 0)), none).anyDeficit).toBe(true);
  });
});
