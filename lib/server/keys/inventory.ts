import 'server-only';
import { and, desc, eq, or } from 'drizzle-orm';
import { bindingView } from '@/lib/contracts/binding';
import type { AccountRisk } from '@/lib/risk';
import { assembleAccount, summarize, termsStatus, type AccountKeyFacts } from '@/lib/keys/inventory';
import type { KeyInventory } from '@/lib/keys/types';
import type { AccountReads } from '@/lib/snapshot/normalize';
import type { Db } from '../db/client';
import { accountExits, connections, specialKeySightings, subAccountKeyLists, termsRecords } from '../db/schema';
import { currentMaster, latestRefreshes, snapshotsOf } from '../views/latest';

/** The Keys page's data: read from what the refresh and the key actions stored; never calls the exchange. */
export async function loadInventory(db: Db, masterId?: string, now = new Date()): Promise<KeyInventory> {
  const master = await currentMaster(db, masterId);
  const empty = { signed: false, basis: null, inferredSince: null, recorded: null } as const;
  if (!master) return { masterId: null, masterName: null, terms: empty, accounts: [], summary: { keys: 0, special: 0, flagged: 0, nearLimit: 0 }, generatedAt: now.toISOString() };

  const { shown } = await latestRefreshes(db, master.id);
  const [snapshots, stored, sightings, lists, exits, [terms]] = await Promise.all([
    shown ? snapshotsOf(db, shown.id) : [],
    db.select().from(connections).where(or(eq(connections.id, master.id), and(eq(connections.masterId, master.id), eq(connections.kind, 'sub')))),
    db.select().from(specialKeySightings).where(eq(specialKeySightings.masterId, master.id)),
    db.select().from(subAccountKeyLists).where(eq(subAccountKeyLists.masterId, master.id)),
    db.select().from(accountExits).where(eq(accountExits.masterId, master.id)).orderBy(desc(accountExits.confirmedAt)),
    db.select().from(termsRecords).where(eq(termsRecords.masterId, master.id)),
  ]);

  const masterEmail = master.accountEmail ?? master.name;
  const storedOf = (email: string | null) =>
    stored.filter((c) => (email === null ? c.id === master.id : c.kind === 'sub' && c.accountEmail === email))
      .map((c) => ({ id: c.id, apiKey: c.apiKey, name: c.name, signerType: c.signerType, permissions: c.permissions }));
  const masterFacts: AccountKeyFacts = {
    email: masterEmail, isMaster: true, mode: null, rule: null, stored: storedOf(null),
    specialListed: null, sightings: [], keyList: null, exit: null,
  };
  const subFacts = snapshots.map((s): AccountKeyFacts => {
    const own = (s.raw as AccountReads | null)?.own ?? null;
    const list = lists.find((l) => l.accountEmail === s.accountEmail);
    const exit = exits.find((e) => e.accountEmail === s.accountEmail);
    return {
      email: s.accountEmail, isMaster: false, mode: s.mode, rule: s.rule, binding: bindingView(s.risk as AccountRisk), stored: storedOf(s.accountEmail),
      specialListed: own?.specialKeys ? own.specialKeys.map((k) => ({ apiKey: k.apiKey, type: (k as { type?: string }).type })) : null,
      sightings: sightings.filter((k) => k.accountEmail === s.accountEmail),
      keyList: list ? { readAt: list.readAt, keys: list.keys } : null,
      exit: exit ? { confirmedAt: exit.confirmedAt, cooldownEndsAt: exit.cooldownEndsAt } : null,
    };
  });
  const accounts = [masterFacts, ...subFacts].map((f) => assembleAccount(f, now));
  const recorded = terms ? { signedOn: terms.signedOn.toISOString(), note: terms.note, recordedBy: terms.recordedBy, recordedAt: terms.recordedAt.toISOString() } : null;
  return { masterId: master.id, masterName: master.name, terms: termsStatus(accounts, recorded), accounts, summary: summarize(accounts), generatedAt: now.toISOString() };
}
