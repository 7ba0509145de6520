import { describe, expect, it } from 'vitest';
import { hasLevels, historySeries, liveSeries } from './history-series';

const at = (minute: number, level: string | null, extra: { stale?: boolean; uniMMR?: string | null } = {}) => ({
  takenAt: new Date(Date.UTC(2026, 11, 1, 12, minute)).toISOString(),
  marginLevel: level,
  uniMMR: extra.uniMMR ?? null,
  stale: extra.stale ?? false,
});

describe('historySeries', () => {
  it('breaks the line across a hole in the history instead of joining it', () => {
    const s = historySeries([at(0, '2'), at(1, '2.1'), at(2, '2.2'), at(30, '1.5'), at(31, '1.4')], false);
    expect(s.map((p) => p.level)).toEqual([2, 2.1, 2.2, null, 1.5, 1.4]);
  });

  it('treats a stale refresh (last good figures repeated) as a hole', () => {
    expect(historySeries([at(0, '2'), at(1, '2', { stale: true }), at(2, '1.9')], false).map((p) => p.level)).toEqual([2, null, 1.9]);
  });

  it('charts uniMMR for Portfolio Margin Pro, which has no cross margin level', () => {
    const s = historySeries([at(0, null, { uniMMR: '1.3' }), at(1, null, { uniMMR: '1.25' })], true);
    expect(s.map((p) => p.level)).toEqual([1.3, 1.25]);
    expect(hasLevels(historySeries([at(0, null, { uniMMR: '1.3' })], false))).toBe(false);
  });
});

describe('liveSeries', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString();
  it('joins live points written seconds apart and breaks where none were written for over two minutes', () => {
    const points = [
      { at: at(0), marginLevel: '2.5' },
      { at: at(5), marginLevel: '2.4' },
      { at: at(10), marginLevel: null },
      { at: at(10 + 121), marginLevel: '2.2' },
    ];
    expect(liveSeries(points).map((p) => p.live)).toEqual([2.5, 2.4, null, null, 2.2]);
    expect(liveSeries(points.slice(0, 2)).map((p) => p.live)).toEqual([2.5, 2.4]);
  });
});
