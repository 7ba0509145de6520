import { describe, expect, it } from 'vitest';
import type { AccountRow } from '@/lib/contracts/accounts';
import { baselineOf, changesSince, reviewState, type LatestReview } from './review';

const NOW = new Date('2026-12-01T12:00:00Z');
const row = (patch: Partial<AccountRow> = {}): AccountRow => ({
  email: 'desk-charlie@fundx.example', mode: 'CROSS_CLASSIC', bound: false, rule: 'NOT_BOUND', reason: '', status: 'NORMAL', statusSource: 'marginLevel',
  level: { kind: 'ML', value: '1.620' }, bars: null, liquidation: { shock: -0.321, direction: 'DOWN' } as AccountRow['liquidation'], liquidationDistance: 0.321,
  atA: null, atB: null, outstandingLoanUsd: '0', isolated: null, keys: { total: 2, special: 0, stored: 1 }, dataAt: '2026-12-01T11:00:00Z', stale: false, error: null, reported: null,
  ...patch,
});
const reviewed = (patch: Partial<LatestReview> = {}, at = row()): LatestReview => ({
  by: 'ops@marginwatch.demo', at: '2026-12-01T11:30:00Z', okUntil: '2026-12-05T23:59:59.999Z', baseline: baselineOf(at, 'run-1'), ...patch,
});

describe('reviewState', () => {
  it.each([
    { name: 'never reviewed', review: null, now: row(), state: 'never', reasons: ['never reviewed'] },
    { name: 'within its OK-until date, unchanged', review: reviewed(), now: row(), state: 'ok', reasons: [] },
    { name: 'a small level drift stays covered', review: reviewed(), now: row({ level: { kind: 'ML', value: '1.560' } }), state: 'ok', reasons: [] },
    { name: 'OK-until passed', review: reviewed({ okUntil: '2026-12-01T00:00:00Z' }), now: row(), state: 'due', reasons: [expect.stringMatching(/^OK until .* has passed$/)] },
    { name: 'no OK-until: covered for a day', review: reviewed({ okUntil: null }), now: row(), state: 'ok', reasons: [] },
    { name: 'no OK-until, a day old', review: reviewed({ okUntil: null, at: '2026-11-30T11:00:00Z' }), now: row(), state: 'due', reasons: ['reviewed more than a day ago'] },
    { name: 'status got worse', review: reviewed(), now: row({ status: 'MARGIN_CALL' }), state: 'due', reasons: ['status moved from Normal to Margin call'] },
    { name: 'status got better', review: reviewed({}, row({ status: 'MARGIN_CALL' })), now: row(), state: 'ok', reasons: [] },
    { name: 'level fell past the tolerance', review: reviewed(), now: row({ level: { kind: 'ML', value: '1.450' } }), state: 'due', reasons: ['margin level fell from 1.620 to 1.450'] },
    { name: 'borrowing started', review: reviewed({}, row({ status: 'NO_DEBT', level: { kind: 'ML', value: null } })), now: row(), state: 'due', reasons: ['borrowing started (margin level 1.620)'] },
    { name: 'a note from before baselines were kept', review: reviewed({ baseline: null }), now: row(), state: 'due', reasons: ['no record of the account at the review'] },
  ])('$name → $state', ({ review, now, state, reasons }) => {
    const view = reviewState(review, now, NOW);
    expect(view.state).toBe(state);
    expect(view.reasons).toEqual(reasons);
  });

  it('is due at its OK-until date, or a day after the note without one', () => {
    expect(reviewState(reviewed(), row(), NOW).dueAt).toBe('2026-12-05T23:59:59.999Z');
    expect(reviewState(reviewed({ okUntil: null }), row(), NOW).dueAt).toBe('2026-12-02T11:30:00.000Z');
  });
});

describe('changesSince', () => {
  it('lists only what differs, before and after', () => {
    const b = baselineOf(row(), 'run-1');
    expect(changesSince(b, row())).toEqual([]);
    expect(changesSince(b, row({ status: 'MARGIN_CALL', level: { kind: 'ML', value: '1.282' }, keys: { total: 3, special: 1, stored: 1 } }))).toEqual([
      { what: 'Status', before: 'Normal', after: 'Margin call' },
      { what: 'Margin level', before: '1.620', after: '1.282' },
      { what: 'Special keys', before: '0', after: '1' },
    ]);
  });
});
