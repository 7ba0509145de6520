import { describe, expect, it } from 'vitest';
import { defaultSelection, PM_PRO_EXCLUSION, reviewAccount, type ReviewInput } from './review';

const base: ReviewInput = {
  email: 'desk@x', mode: 'CROSS_CLASSIC', rule: 'BOUND_SPECIAL_KEY', ruleReason: 'bound', status: 'NORMAL',
  liabilities: [], keyStored: true, keyCanTrade: true,
};
const debt = { kind: 'MARGIN' as const, asset: 'ETH', owed: '500', borrowed: '500', interest: '0', free: '0', wallet: 'margin' as const };

describe('reviewAccount', () => {
  it.each<[string, Partial<ReviewInput>, string, string[]]>([
    ['bound, debt-free, trading key', {}, 'ready', []],
    ['keys deleted but not exited', { rule: 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED' }, 'ready', []],
    ['a liability', { liabilities: [debt] }, 'blocked', ['liability']],
    ['being liquidated with debt', { status: 'LIQUIDATING', liabilities: [debt] }, 'blocked', ['liquidating', 'liability']],
    ['no stored key (desk-lima)', { keyStored: false, keyCanTrade: null, rule: 'UNKNOWN_NO_KEY' }, 'blocked', ['no_key']],
    ['a read-only stored key', { keyCanTrade: false }, 'blocked', ['key_permission']],
    ['mode unknown', { rule: 'UNKNOWN_MODE', mode: 'UNKNOWN' }, 'blocked', ['mode_unknown']],
    ['PM Pro', { mode: 'PM_PRO', rule: 'PM_PRO_BOUND' }, 'excluded', []],
    ['Cross Margin Pro', { mode: 'CROSS_PRO', rule: 'UNSUPPORTED_PRODUCT' }, 'excluded', []],
    ['never bound', { rule: 'NOT_BOUND', ruleReason: 'no special key ever created' }, 'excluded', []],
  ])('%s → %s', (_, patch, kind, codes) => {
    const verdict = reviewAccount({ ...base, ...patch });
    expect(verdict.kind).toBe(kind);
    expect(verdict.kind === 'blocked' ? verdict.blockers.map((b) => b.code) : []).toEqual(codes);
  });

  it('says what to repay and why', () => {
    const verdict = reviewAccount({ ...base, liabilities: [debt] });
    expect(verdict.kind === 'blocked' && verdict.blockers[0]!.message).toBe('Repay 500 ETH borrowed + interest: Binance refuses the exit while any liability remains.');
  });

  it('sends PM Pro to the VIP manager and explains an unbound account', () => {
    expect(reviewAccount({ ...base, mode: 'PM_PRO', rule: 'PM_PRO_BOUND' })).toEqual({ kind: 'excluded', reason: PM_PRO_EXCLUSION });
    expect(reviewAccount({ ...base, rule: 'NOT_BOUND', ruleReason: 'no special key ever created' })).toEqual({ kind: 'excluded', reason: 'Needs no exit: no special key ever created' });
  });
});

it('selects every account the run can take by default', () => {
  const rows = [
    { email: 'a', verdict: reviewAccount(base) },
    { email: 'b', verdict: reviewAccount({ ...base, liabilities: [debt] }) },
    { email: 'c', verdict: reviewAccount({ ...base, rule: 'NOT_BOUND' }) },
    { email: 'd', verdict: reviewAccount({ ...base, rule: 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED' }) },
  ];
  expect(defaultSelection(rows)).toEqual(['a', 'd']);
});
