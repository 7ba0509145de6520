import { describe, expect, it } from 'vitest';
import { assembleAccount, summarize, termsStatus, type AccountKeyFacts } from './inventory';
import type { KeyFlag } from './types';

const NOW = new Date('2026-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const key = (n: number) => `K${String(n).padStart(63, '0')}`;

const base: AccountKeyFacts = {
  email: 'desk@x.example', isMaster: false, mode: 'CROSS_CLASSIC', rule: 'NOT_BOUND',
  stored: [{ id: 'c1', apiKey: key(1), name: 'monitor', signerType: 'HMAC', permissions: { enableReading: true, enableSpotAndMarginTrading: true } }],
  specialListed: [], sightings: [], keyList: { readAt: daysAgo(0), keys: [{ apiKey: key(1), apiName: 'monitor', canTrade: true, createdAt: null }] }, exit: null,
};
const special = (n: number, extra: Partial<AccountKeyFacts['sightings'][number]> = {}): AccountKeyFacts['sightings'][number] => ({
  id: `s${n}`, apiKey: key(n), name: `hft-${n}`, symbol: null, permissionMode: 'TRADE', ip: '203.0.113.10', firstSeenAt: daysAgo(10), lastSeenAt: daysAgo(0), deletedAt: null, changedAt: null, ...extra,
});
const flagsOf = (f: AccountKeyFacts) => {
  const a = assembleAccount(f, NOW);
  return [...a.flags, ...a.keys.flatMap((k) => k.flags)].sort();
};

describe('key flags, one worked example each', () => {
  it.each<[string, AccountKeyFacts, KeyFlag[]]>([
    ['a clean account', base, []],
    ['27 keys listed: near the limit', { ...base, keyList: { readAt: NOW, keys: Array.from({ length: 27 }, (_, i) => ({ apiKey: key(i + 1), apiName: null, canTrade: null, createdAt: null })) } }, ['near-limit']],
    ['30 keys listed: at the limit, not near it', { ...base, keyList: { readAt: NOW, keys: Array.from({ length: 30 }, (_, i) => ({ apiKey: key(i + 1), apiName: null, canTrade: null, createdAt: null })) } }, ['at-limit']],
    ['a special key with ip "0.0.0.0"', { ...base, sightings: [special(2, { ip: '0.0.0.0' })] }, ['special-no-ip']],
    ['a special key with an empty ip', { ...base, sightings: [special(2, { ip: '' })] }, ['special-no-ip']],
    ['a deleted special key without whitelist is no longer a risk', { ...base, sightings: [special(2, { ip: '', deletedAt: daysAgo(1) })] }, []],
    ['a stored key that can withdraw', { ...base, stored: [{ ...base.stored[0]!, permissions: { enableWithdrawals: true, enableSpotAndMarginTrading: true } }] }, ['withdrawals']],
    ['a special key on Cross Margin Pro', { ...base, mode: 'CROSS_PRO', rule: 'UNSUPPORTED_PRODUCT', sightings: [special(2)] }, ['unsupported-product']],
    ['a special key on PM Pro is supported (and PM Pro is bound)', { ...base, mode: 'PM_PRO', rule: 'PM_PRO_BOUND', sightings: [special(2)] }, ['bound']],
    ['no stored key, the exchange lists one', { ...base, stored: [], specialListed: null, mode: 'UNKNOWN', rule: 'UNKNOWN_NO_KEY' }, ['unmonitored-special']],
    ['no stored key and nothing listed', { ...base, stored: [], specialListed: null, keyList: { readAt: NOW, keys: [] } }, []],
    ['a special key created 91 days ago', { ...base, sightings: [special(2)], keyList: { readAt: NOW, keys: [{ apiKey: key(2), apiName: 'hft', canTrade: true, createdAt: daysAgo(91).toISOString() }] } }, ['idle-special']],
    ['…90 days is not yet idle', { ...base, sightings: [special(2)], keyList: { readAt: NOW, keys: [{ apiKey: key(2), apiName: 'hft', canTrade: true, createdAt: daysAgo(90).toISOString() }] } }, []],
    ['…edited through marginwatch 5 days ago', { ...base, sightings: [special(2, { changedAt: daysAgo(5) })], keyList: { readAt: NOW, keys: [{ apiKey: key(2), apiName: 'hft', canTrade: true, createdAt: daysAgo(400).toISOString() }] } }, []],
    ['Cross Classic bound by a special key', { ...base, rule: 'BOUND_SPECIAL_KEY', sightings: [special(2)] }, ['bound']],
    ['keys deleted, exit not confirmed', { ...base, rule: 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED', sightings: [special(2, { deletedAt: daysAgo(3) })] }, ['bound-exit-unconfirmed']],
    ['PM Pro bound (bankruptcy loan): flagged as the Accounts page calls it', { ...base, mode: 'PM_PRO', rule: 'PM_PRO_BOUND' }, ['bound']],
    ['binding unknown is not flagged bound', { ...base, mode: 'UNKNOWN', rule: 'UNKNOWN_NO_KEY' }, []],
  ])('%s', (_, facts, expected) => {
    expect(flagsOf(facts)).toEqual([...expected].sort());
  });
});

describe('assembleAccount', () => {
  it('lists a key seen both as stored and listed once, with both sources', () => {
    const a = assembleAccount(base, NOW);
    expect(a.keys).toHaveLength(1);
    expect(a.keys[0]).toMatchObject({ kind: 'normal', sources: ['stored', 'listed'], maskedKey: '••••0001', id: 'stored:c1' });
  });

  it('manages special keys only with a stored trading key', () => {
    expect(assembleAccount(base, NOW).canManage).toBe(true);
    expect(assembleAccount({ ...base, stored: [{ ...base.stored[0]!, permissions: { enableReading: true } }] }, NOW).canManage).toBe(false);
  });
});

describe('termsStatus', () => {
  const withSpecial = assembleAccount({ ...base, sightings: [special(2, { firstSeenAt: daysAgo(30) })] }, NOW);
  it('infers signed from the first special key seen', () => {
    expect(termsStatus([withSpecial], null)).toEqual({ signed: true, basis: 'inferred', inferredSince: daysAgo(30).toISOString(), recorded: null });
  });
  it('prefers the owner record', () => {
    const recorded = { signedOn: daysAgo(100).toISOString(), note: 'VIP manager email', recordedBy: 'o@x', recordedAt: NOW.toISOString() };
    expect(termsStatus([withSpecial], recorded)).toMatchObject({ signed: true, basis: 'recorded' });
  });
  it('unsigned with neither', () => {
    expect(termsStatus([assembleAccount(base, NOW)], null)).toMatchObject({ signed: false, basis: null });
  });
});

describe('summarize', () => {
  it('counts keys by quota, live special keys, flagged and near-limit accounts', () => {
    const accounts = [assembleAccount(base, NOW), assembleAccount({ ...base, email: 'b@x', rule: 'BOUND_SPECIAL_KEY', sightings: [special(2), special(3, { deletedAt: daysAgo(1) })] }, NOW)];
    expect(summarize(accounts)).toEqual({ keys: 3, special: 1, flagged: 1, nearLimit: 0 });
  });
});
