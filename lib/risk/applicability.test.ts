import { describe, expect, it } from 'vitest';
import { applicability, ISOLATED_PAIR } from './applicability';
import type { AccountRiskInput } from './types';

type Row = {
  name: string;
  input: Pick<AccountRiskInput, 'mode' | 'dataAvailable' | 'termsSigned' | 'specialKeys'> & Partial<Pick<AccountRiskInput, 'outstandingLoans' | 'liquidationLoanSeenAt' | 'keyStored'>>;
  rule: string;
  bound: boolean | null;
  says: RegExp;
};

const noKeys = { everCreated: false, activeCount: 0, exitConfirmedAt: null };
const liveKey = { everCreated: true, activeCount: 2, exitConfirmedAt: null };
const deleted = { everCreated: true, activeCount: 0, exitConfirmedAt: null };
const loan = { kind: 'LIQUIDATION_LOAN' as const, asset: 'USDC', remaining: '44600', valueUsd: '44600' };
const exited = { everCreated: true, activeCount: 0, exitConfirmedAt: '2025-03-01T10:00:00.000Z' };

// One row per line of the docs/domain.md#liquidationloan table, plus the deleted-not-exited, Cross Pro and no-key cases.
const rows: Row[] = [
  { name: '§1.2 row 1: Classic, terms signed + special key', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: liveKey }, rule: 'BOUND_SPECIAL_KEY', bound: true, says: /2 special key/ },
  { name: '§1.2 row 2a: Classic, terms not signed', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: false, specialKeys: noKeys }, rule: 'NOT_BOUND', bound: false, says: /not signed/ },
  { name: '§1.2 row 2b: Classic, signed but no special key created', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: noKeys }, rule: 'NOT_BOUND', bound: false, says: /no special key/ },
  { name: '§1.2 row 3: PM Pro, whatever the keys', input: { mode: 'PM_PRO', dataAvailable: true, termsSigned: false, specialKeys: noKeys }, rule: 'PM_PRO_BOUND', bound: true, says: /bankruptcy loan/ },
  { name: 'PM Pro without a stored key is still bound (the rule does not depend on keys)', input: { mode: 'PM_PRO', dataAvailable: false, termsSigned: false, specialKeys: noKeys }, rule: 'PM_PRO_BOUND', bound: true, says: /Portfolio Margin Pro/ },
  { name: 'keys deleted, exit not confirmed: still bound', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: deleted }, rule: 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED', bound: true, says: /exit not confirmed/ },
  { name: 'keys deleted and exit confirmed: released', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: exited }, rule: 'NOT_BOUND', bound: false, says: /confirmed 01 Mar 2025, 10:00:00 UTC/ },
  { name: 'a key seen proves the terms signed, even if not recorded', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: false, specialKeys: liveKey }, rule: 'BOUND_SPECIAL_KEY', bound: true, says: /terms signed/ },
  { name: 'an exit recorded but a key live again: bound', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: { ...exited, activeCount: 1 } }, rule: 'BOUND_SPECIAL_KEY', bound: true, says: /1 special key/ },
  { name: 'Cross Pro: unsupported, never safe', input: { mode: 'CROSS_PRO', dataAvailable: true, termsSigned: true, specialKeys: noKeys }, rule: 'UNSUPPORTED_PRODUCT', bound: null, says: /sunset/ },
  { name: 'no key stored: unknown', input: { mode: 'CROSS_CLASSIC', dataAvailable: false, termsSigned: true, specialKeys: noKeys }, rule: 'UNKNOWN_NO_KEY', bound: null, says: /No key stored/ },
  { name: 'no key stored and terms not seen: still unknown, not "not bound"', input: { mode: 'CROSS_CLASSIC', dataAvailable: false, termsSigned: false, specialKeys: noKeys }, rule: 'UNKNOWN_NO_KEY', bound: null, says: /special keys are unknown/ },
  { name: 'no key stored now, but the history saw a special key and no exit: bound', input: { mode: 'CROSS_CLASSIC', dataAvailable: false, termsSigned: true, specialKeys: deleted }, rule: 'BOUND_SPECIAL_KEY', bound: true, says: /no exit is confirmed/ },
  { name: 'no key stored now, history saw a key but the exit was confirmed: unknown again', input: { mode: 'CROSS_CLASSIC', dataAvailable: false, termsSigned: true, specialKeys: exited }, rule: 'UNKNOWN_NO_KEY', bound: null, says: /No key stored/ },
  { name: 'stored key can only read: special keys unknown, not "not bound"', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: { ...noKeys, readOnlyKey: true } }, rule: 'UNKNOWN_READ_ONLY_KEY', bound: null, says: /stored key can only read/ },
  { name: 'stored key can only read, but the history saw a special key and no exit: bound', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: { ...deleted, readOnlyKey: true } }, rule: 'BOUND_SPECIAL_KEY', bound: true, says: /can only read/ },
  { name: 'stored key can only read, exit confirmed since: unknown again', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: { ...exited, readOnlyKey: true } }, rule: 'UNKNOWN_READ_ONLY_KEY', bound: null, says: /Spot & Margin trading/ },
  { name: 'a LiquidationLoan outstanding proves the binding, though no special key was ever seen', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: false, specialKeys: noKeys, outstandingLoans: [loan] }, rule: 'BOUND_LIQUIDATION_LOAN', bound: true, says: /LiquidationLoan of 44,600 USDC is outstanding/ },
  { name: 'a loan outstanding beats a recorded exit', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: exited, outstandingLoans: [loan] }, rule: 'BOUND_LIQUIDATION_LOAN', bound: true, says: /outstanding/ },
  { name: 'a loan outstanding, no key stored: bound, not unknown', input: { mode: 'CROSS_CLASSIC', dataAvailable: false, termsSigned: false, specialKeys: noKeys, outstandingLoans: [loan] }, rule: 'BOUND_LIQUIDATION_LOAN', bound: true, says: /special-key mode/ },
  { name: 'a past LiquidationLoan (repaid) with no exit since: bound', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: false, specialKeys: noKeys, liquidationLoanSeenAt: '2025-02-01T00:00:00.000Z' }, rule: 'BOUND_LIQUIDATION_LOAN', bound: true, says: /last seen 01 Feb 2025/ },
  { name: 'a past LiquidationLoan, then a confirmed exit: released', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: exited, liquidationLoanSeenAt: '2025-02-01T00:00:00.000Z' }, rule: 'NOT_BOUND', bound: false, says: /exited/ },
  { name: 'only isolated-pair special keys: treated as bound, in the fixed words', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: { ...liveKey, isolatedOnly: true } }, rule: 'BOUND_ISOLATED_SPECIAL_KEY', bound: true, says: /FAQ does not settle.*conservative reading/ },
  { name: 'isolated-pair keys deleted, no exit: still treated as bound', input: { mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: { ...deleted, isolatedOnly: true } }, rule: 'BOUND_ISOLATED_SPECIAL_KEY', bound: true, says: /treated as bound/ },
  { name: 'a key is stored but the account was never read: unknown, not "no key stored"', input: { mode: 'UNKNOWN', dataAvailable: false, keyStored: true, termsSigned: true, specialKeys: noKeys }, rule: 'UNKNOWN_NOT_READ', bound: null, says: /never been read/ },
  { name: 'mode could not be read', input: { mode: 'UNKNOWN', dataAvailable: true, termsSigned: true, specialKeys: liveKey }, rule: 'UNKNOWN_MODE', bound: null, says: /could not be read/ },
];

describe('applicability (docs/domain.md#liquidationloan)', () => {
  it.each(rows)('$name', ({ input, rule, bound, says }) => {
    const result = applicability(input);
    expect(result.rule).toBe(rule);
    expect(result.bound).toBe(bound);
    expect(result.reason).toMatch(says);
  });

  it('every verdict carries its evidence: terms, keys now, key history, exit, loans', () => {
    const r = applicability({ mode: 'CROSS_CLASSIC', dataAvailable: true, termsSigned: true, specialKeys: exited, outstandingLoans: [loan] });
    expect(r.evidence).toEqual([
      expect.stringMatching(/^Supplemental Product Terms: signed/),
      'Special keys listed now: 0.',
      'Key history: a special key was seen on this account.',
      'Exit confirmed 01 Mar 2025, 10:00:00 UTC.',
      'LiquidationLoan outstanding: 44,600 USDC.',
    ]);
  });

  it('§1.2 row 4: isolated pairs are never bound', () => {
    expect(ISOLATED_PAIR).toMatchObject({ rule: 'ISOLATED_NEVER', bound: false });
  });

  it('Cross Pro is never reported as safe, whatever its keys', () => {
    for (const specialKeys of [noKeys, liveKey, deleted, exited]) {
      expect(applicability({ mode: 'CROSS_PRO', dataAvailable: true, termsSigned: false, specialKeys }).bound).not.toBe(false);
    }
  });
});
