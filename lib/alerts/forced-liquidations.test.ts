import { describe, expect, it } from 'vitest';
import { newForcedLiquidations } from './forced-liquidations';

const order = (orderId: string, updatedTime: number) => ({ orderId, symbol: 'BTCUSDT', side: 'SELL', executedQty: '1', avgPrice: '60000', isIsolated: false, updatedTime });

describe('newForcedLiquidations', () => {
  it('the first read only marks: the history is not news', () => {
    expect(newForcedLiquidations([order('2', 200), order('1', 100)], null)).toEqual({ fresh: [], mark: { seenUntil: 200, seenIds: ['2'] } });
  });

  it('tells apart orders of the same millisecond by id, and each order once', () => {
    const first = newForcedLiquidations([order('7', 500)], { seenUntil: 200, seenIds: ['2'] });
    expect(first.fresh.map((o) => o.orderId)).toEqual(['7']);
    // The next read finds a second order of that liquidation, placed in the same millisecond.
    const second = newForcedLiquidations([order('8', 500), order('7', 500), order('2', 200)], first.mark);
    expect(second.fresh.map((o) => o.orderId)).toEqual(['8']);
    expect(second.mark).toEqual({ seenUntil: 500, seenIds: ['7', '8'] });
    expect(newForcedLiquidations([order('8', 500), order('7', 500)], second.mark).fresh).toEqual([]);
  });

  it('an empty record keeps the mark', () => {
    expect(newForcedLiquidations([], { seenUntil: 200, seenIds: ['2'] })).toEqual({ fresh: [], mark: { seenUntil: 200, seenIds: ['2'] } });
    expect(newForcedLiquidations([], null)).toEqual({ fresh: [], mark: { seenUntil: 0, seenIds: [] } });
  });
});
