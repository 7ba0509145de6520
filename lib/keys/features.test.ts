import { describe, expect, it } from 'vitest';
import { keyFeatures, type KeyFlags } from './features';

const flags = (p: Partial<KeyFlags>): KeyFlags => ({ enableReading: true, enableSpotAndMarginTrading: false, enableMargin: false, ipRestrict: true, ...p });
const summary = (f: KeyFlags) => Object.fromEntries(keyFeatures(f, 'sub').map((x) => [x.id, x.unlocked ? 'ok' : x.missing.join(' + ')]));

describe('keyFeatures: what a stored sub-account key unlocks, by Binance security type', () => {
  it.each([
    ['a Reading key: risk reads only; special keys and exit need trading, repay needs margin', flags({}), { risk_reads: 'ok', special_keys: 'Enable Spot & Margin Trading', exit: 'Enable Spot & Margin Trading', repay: 'Enable Margin Loan, Repay & Transfer' }],
    ['a trading key without margin: everything but repay', flags({ enableSpotAndMarginTrading: true }), { risk_reads: 'ok', special_keys: 'ok', exit: 'ok', repay: 'Enable Margin Loan, Repay & Transfer' }],
    ['trading and margin: everything', flags({ enableSpotAndMarginTrading: true, enableMargin: true }), { risk_reads: 'ok', special_keys: 'ok', exit: 'ok', repay: 'ok' }],
    ['no Reading: nothing, and Reading named first', flags({ enableReading: false, enableSpotAndMarginTrading: true }), { risk_reads: 'Enable Reading', special_keys: 'Enable Reading', exit: 'Enable Reading', repay: 'Enable Reading + Enable Margin Loan, Repay & Transfer' }],
  ])('%s', (_name, f, expected) => {
    expect(summary(f)).toEqual(expected);
  });

  it('advises an IP whitelist on a trading key that has none, and never on a Reading-only feature', () => {
    const open = keyFeatures(flags({ enableSpotAndMarginTrading: true, ipRestrict: false }), 'sub');
    expect(open.find((f) => f.id === 'special_keys')!.advice).toMatch(/Restrict this trading key/);
    expect(open.find((f) => f.id === 'risk_reads')!.advice).toBeNull();
    expect(keyFeatures(flags({ enableSpotAndMarginTrading: true }), 'sub').every((f) => f.advice === null)).toBe(true);
  });

  it('a master key is judged on the sub-account reads alone', () => {
    expect(keyFeatures(flags({}), 'master').map((f) => [f.id, f.unlocked])).toEqual([['risk_reads', true]]);
  });
});
