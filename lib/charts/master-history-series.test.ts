import { describe, expect, it } from 'vitest';
import type { MasterHistory } from '@/lib/contracts/master-history';
import { masterSeries } from './master-history-series';

const at = (minute: number, owed: (number | null)[], loans: string | null, byStatus: MasterHistory['points'][number]['byStatus']) => ({
  t: new Date(Date.UTC(2026, 2, 10, 12, minute)).toISOString(),
  owed,
  outstandingLoansUsd: loans,
  byStatus,
});

const history = (points: MasterHistory['points']): MasterHistory => ({ shocks: [-0.2, 0.2], retentionDays: 30, refreshes: points.length, points });

describe('masterSeries', () => {
  it('one row per refresh, oldest first, with the owed figures by shock, the loans and a count for every status ever seen', () => {
    const { rows, statuses } = masterSeries(history([at(0, [100, 0], '44600.5', { NORMAL: 3, NO_DEBT: 1 }), at(1, [250, 10], '0', { NORMAL: 2, MARGIN_CALL: 1, NO_DEBT: 1 })]));
    // Worst first, as the Overview's status card lists them.
    expect(statuses).toEqual(['MARGIN_CALL', 'NORMAL', 'NO_DEBT']);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ owed0: 100, owed1: 0, loans: 44600.5, NORMAL: 3, MARGIN_CALL: 0, NO_DEBT: 1 });
    expect(rows[1]).toMatchObject({ owed0: 250, owed1: 10, loans: 0, NORMAL: 2, MARGIN_CALL: 1 });
  });

  it('breaks the lines where refreshes are missing instead of joining across them', () => {
    const { rows } = masterSeries(history([at(0, [1, 1], '0', { NORMAL: 1 }), at(1, [1, 1], '0', { NORMAL: 1 }), at(2, [1, 1], '0', { NORMAL: 1 }), at(30, [2, 2], '0', { NORMAL: 1 })]));
    expect(rows).toHaveLength(5);
    expect(rows[3]).toMatchObject({ owed0: null, owed1: null, loans: null, NORMAL: null });
  });

  it('a refresh that stored no loan total is a blank, never 0', () => {
    const { rows } = masterSeries(history([at(0, [null, 5], null, { NORMAL: 1 })]));
    expect(rows[0]).toMatchObject({ owed0: null, owed1: 5, loans: null });
  });
});
