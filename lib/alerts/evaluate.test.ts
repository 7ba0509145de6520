import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, effectiveRules } from './defaults';
import { evaluateAlerts, NO_STATES, withChanges } from './evaluate';
import { owedAt } from './measures';
import type { AccountFacts, AlertRule, MasterFacts } from './types';

const account = (email: string, patch: Partial<AccountFacts> = {}): AccountFacts => ({
  email, labels: [], status: 'NORMAL', marginLevel: '3', liquidation: { distance: 0.4, direction: 'DOWN', pair: null },
  curve: [{ shock: -0.3, owed: 0 }, { shock: 0, owed: 0 }], outstandingLoanUsd: '0', bound: false,
  keysTotal: 3, idleSpecialKeys: 0, outsideKeyChanges: { appeared: [], disappeared: [] }, dataAgeMinutes: 1, ...patch,
});
const master: MasterFacts = { curve: [{ shock: -0.3, owed: 0 }], refreshFailingMinutes: null, exitHalfDoneMinutes: null };

/** Runs refreshes in order, carrying states forward; lists each refresh's alerts as `email kind transition level`. */
function refreshes(rules: readonly AlertRule[], rounds: AccountFacts[][], m: MasterFacts[] = []): string[][] {
  let states = NO_STATES;
  return rounds.map((accounts, i) => {
    const { events, changes } = evaluateAlerts(rules, accounts, m[i] ?? master, states);
    states = withChanges(states, changes);
    return events.map((e) => `${e.email ?? 'master'} ${e.kind} ${e.transition}${e.level}`);
  });
}

const rule = (patch: Partial<AlertRule> & Pick<AlertRule, 'kind' | 'threshold'>): AlertRule => ({
  id: `r-${patch.kind}`, enabled: true, rearmMargin: '0', escalationStep: null, shockPercent: null, scope: { kind: 'all' }, ...patch,
});

describe('evaluateAlerts', () => {
  it('default rules on a quiet desk say nothing', () => {
    expect(refreshes(DEFAULT_RULES, [[account('a@x'), account('b@x')]])).toEqual([[]]);
  });

  it('a special key made or deleted outside marginwatch fires when one is seen; unknown says nothing and arms nothing', () => {
    const outside = (appeared: string[], disappeared: string[] = []) => [account('a@x', { outsideKeyChanges: { appeared, disappeared } })];
    const unknown = [account('a@x', { outsideKeyChanges: null })];
    // Changes in consecutive refreshes are one episode (the alert stays open); a refresh with none re-arms it.
    expect(refreshes(DEFAULT_RULES, [outside([]), outside(['rogue-1']), outside([]), unknown, outside([], ['rogue-1']), outside(['a', 'b']), outside([]), outside(['c'])])).toEqual([
      [], ['a@x special_key_outside fire0'], [], [], ['a@x special_key_outside fire0'], [], [], ['a@x special_key_outside fire0'],
    ]);
  });

  it('status worsens step by step, once each, and fires again after recovering', () => {
    const r = rule({ kind: 'status_worsens', threshold: 'MARGIN_CALL', escalationStep: '1' });
    const s = (status: string) => [account('a@x', { status })];
    expect(refreshes([r], [s('NORMAL'), s('MARGIN_CALL'), s('MARGIN_CALL'), s('LIQUIDATING'), s('UNKNOWN'), s('NORMAL'), s('MARGIN_CALL')])).toEqual([
      [], ['a@x status_worsens fire0'], [], ['a@x status_worsens escalate3'], [], [], ['a@x status_worsens fire0'],
    ]);
  });

  it.each([
    { scope: { kind: 'all' as const }, fired: ['a@x', 'b@x'] },
    { scope: { kind: 'account' as const, email: 'B@x' }, fired: ['b@x'] },
    { scope: { kind: 'label' as const, label: 'asia' }, fired: ['a@x'] },
  ])('scope $scope.kind reaches only its accounts', ({ scope, fired }) => {
    const r = rule({ kind: 'margin_level', threshold: '1.5', scope });
    const low = { marginLevel: '1.2' };
    const [events] = refreshes([r], [[account('a@x', { ...low, labels: ['asia'] }), account('b@x', low), account('c@x', { marginLevel: '2' })]]);
    expect(events!.map((e) => e.split(' ')[0])).toEqual(fired);
  });

  it('each rule keeps its own state per account', () => {
    const r = rule({ kind: 'keys_near_limit', threshold: '27' });
    expect(refreshes([r], [
      [account('a@x', { keysTotal: 28 }), account('b@x', { keysTotal: 20 })],
      [account('a@x', { keysTotal: 28 }), account('b@x', { keysTotal: 29 })],
    ])).toEqual([['a@x keys_near_limit fire0'], ['b@x keys_near_limit fire0']]);
  });

  it('a projected loan at a shock between grid points is read off the curve', () => {
    const curve = [{ shock: -0.3, owed: 30_000 }, { shock: -0.25, owed: 10_000 }, { shock: 0, owed: 0 }];
    expect(owedAt(curve, -0.28)).toBeCloseTo(22_000, 6);
    expect(owedAt(curve, -0.5)).toBeNull();
    const r = rule({ kind: 'projected_loan', threshold: '20000', shockPercent: '-28' });
    expect(refreshes([r], [[account('a@x', { curve })]])).toEqual([['a@x projected_loan fire0']]);
  });

  it('a loan that appears fires; one that grows by a step escalates; the same loan again says nothing', () => {
    const loan = (usd: string) => [account('a@x', { outstandingLoanUsd: usd })];
    const r = rule({ kind: 'loan_outstanding', threshold: '0', escalationStep: '1000' });
    expect(refreshes([r], [loan('0'), loan('150000'), loan('150000'), loan('150999.99'), loan('151000')])).toEqual([
      [], ['a@x loan_outstanding fire150'], [], [], ['a@x loan_outstanding escalate151'],
    ]);
  });

  it('master-level rules fire once for the desk', () => {
    const r = rule({ kind: 'refresh_failing', threshold: '15' });
    const m = (minutes: number | null): MasterFacts => ({ ...master, refreshFailingMinutes: minutes });
    expect(refreshes([r], [[account('a@x')], [account('a@x')], [account('a@x')], [account('a@x')]], [m(5), m(16), m(30), m(null)]))
      .toEqual([[], ['master refresh_failing fire0'], [], []]);
  });

  it('a disabled rule says nothing; a saved default replaces the default with its id', () => {
    const saved = [{ ...DEFAULT_RULES[0]!, enabled: false }, rule({ kind: 'margin_level', threshold: '2' })];
    const rules = effectiveRules(saved);
    expect(rules).toHaveLength(DEFAULT_RULES.length + 1);
    expect(rules[0]!.enabled).toBe(false);
    expect(refreshes(rules, [[account('a@x', { status: 'LIQUIDATING', marginLevel: '1.1' })]])[0]).toEqual(['a@x margin_level fire0']);
  });

  it('an alert carries the triggering figures and a sentence', () => {
    const r = rule({ kind: 'liquidation_distance', threshold: '10' });
    const { events } = evaluateAlerts([r], [account('desk-a@x', { liquidation: { distance: 0.0425, direction: 'DOWN', pair: 'BTCUSDT' } })], master, new Map());
    expect(events[0]!.figures).toEqual({ distancePercent: 4.25, direction: 'DOWN', pair: 'BTCUSDT', status: 'NORMAL' });
    expect(events[0]!.title).toBe('desk-a: a 4.25 % move liquidates (a shock under 10 % liquidates)');
  });
});
