import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAG_ORDER } from '@/lib/keys/flags';
import type { KeyFlag, KeyInventory } from '@/lib/keys/types';
import { demoRefreshed } from '../views/demo-refresh.test-support';
import { refreshAfterChange } from '../refresh/refresh-after-change';
import { loadInventory } from './inventory';
import { recordTerms } from './terms';

// Which demo account the scenario built for each flag (sim/scenarios/build-demo.ts), and only those.
const BUILT_FOR: Record<KeyFlag, string[]> = {
  'at-limit': ['desk-hotel'],
  'near-limit': [],
  'special-no-ip': ['desk-juliet'],
  withdrawals: ['desk-kilo'],
  'unsupported-product': ['desk-india'],
  'unmonitored-special': ['desk-lima'],
  'idle-special': ['desk-echo'],
  // desk-golf too: the risk engine binds its cross wallet by its isolated special key, as the Accounts page shows
  // ("a special key has been created on this account", Binance's Q11).
  // Every account the binding verdict calls bound, PM Pro included (one verdict, docs/domain.md#binding).
  bound: ['desk-alpha', 'desk-delta', 'desk-echo', 'desk-foxtrot', 'desk-golf', 'desk-hotel', 'desk-juliet'],
  'bound-exit-unconfirmed': ['desk-bravo'],
};

describe('key inventory on the demo scenario', () => {
  let demo: Awaited<ReturnType<typeof demoRefreshed>>;
  let inventory: KeyInventory;
  beforeAll(async () => {
    demo = await demoRefreshed();
    inventory = await loadInventory(demo.database.db);
  }, 60_000);
  afterAll(async () => demo?.close());

  const account = (name: string) => inventory.accounts.find((a) => a.email.startsWith(`${name}@`))!;
  const flagged = (flag: KeyFlag) =>
    inventory.accounts.filter((a) => a.flags.includes(flag) || a.keys.some((k) => k.flags.includes(flag))).map((a) => a.email.split('@')[0]).sort();

  it.each(FLAG_ORDER)('flag %s appears on the account built for it and nowhere else', (flag) => {
    expect(flagged(flag)).toEqual(BUILT_FOR[flag]);
  });

  it('lists the master first, then every sub-account', () => {
    expect(inventory.accounts[0]!.isMaster).toBe(true);
    expect(inventory.accounts).toHaveLength(15);
  });

  it('counts every key the exchange lists: desk-hotel is at 30 of 30, complete', () => {
    expect(account('desk-hotel').quota).toEqual({ count: 30, limit: 30, complete: true, near: true });
    expect(account('desk-hotel').keys.filter((k) => k.kind === 'special')).toHaveLength(4);
    expect(account('desk-hotel').keyListReadAt).not.toBeNull();
  });

  it('the master holds only what is stored: a lower bound', () => {
    expect(inventory.accounts[0]!.quota).toMatchObject({ count: 1, complete: false });
  });

  it('desk-lima: its key is listed but cannot be classified without a key of its own', () => {
    const lima = account('desk-lima');
    expect(lima.specialKeysKnown).toBe(false);
    expect(lima.keys.map((k) => k.kind)).toEqual(['unclassified']);
  });

  it('keeps deleted special keys with when they disappeared, and shows the exit with its cooldown', () => {
    const bravo = account('desk-bravo');
    expect(bravo.keys.filter((k) => k.deletedAt !== null).map((k) => k.name).sort()).toEqual(['bravo-hft-01', 'bravo-hft-02']);
    const mike = account('desk-mike');
    expect(Date.parse(mike.exit!.cooldownEndsAt) - Date.parse(mike.exit!.confirmedAt)).toBe(24 * 3_600_000);
  });

  it('shows signature types and masks every key to its last four characters', () => {
    expect(account('desk-echo').keys.find((k) => k.kind === 'special')!.signature).toBe('Ed25519');
    expect(account('desk-golf').keys.find((k) => k.kind === 'special')!.symbol).toBe('BTCUSDT');
    for (const a of inventory.accounts) for (const k of a.keys) expect(k.maskedKey).toMatch(/^••••[A-Za-z0-9]{4}$/);
    expect(JSON.stringify(inventory)).not.toMatch(/[A-Za-z0-9]{64}/);
  });

  it('infers the terms signed from the first special key seen', () => {
    expect(inventory.terms).toMatchObject({ signed: true, basis: 'inferred', recorded: null });
  });

  it('the owner records the signing date: audited with before and after, and it becomes the basis', async () => {
    const audits: unknown[] = [];
    const actor = { email: 'owner@test.example', audit: async (action: string, target: string | null, change?: object) => void audits.push({ action, target, ...change }) };
    await recordTerms(demo.database.db, { signedOn: '2025-03-14', note: 'countersigned PDF from the VIP manager' }, actor);
    await recordTerms(demo.database.db, { signedOn: '2025-03-12', note: 'corrected: date on the PDF' }, actor);
    await refreshAfterChange(demo.database.db, demo.masterId, null);
    const terms = (await loadInventory(demo.database.db)).terms;
    expect(terms).toMatchObject({ signed: true, basis: 'recorded', recorded: { signedOn: '2025-03-12T00:00:00.000Z', note: 'corrected: date on the PDF', recordedBy: 'owner@test.example' } });
    expect(audits[1]).toMatchObject({ action: 'terms.record', before: { signedOn: '2025-03-14' }, after: { signedOn: '2025-03-12', note: 'corrected: date on the PDF' } });
  }, 60_000);
});
