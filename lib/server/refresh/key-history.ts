import 'server-only';
import { and, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { KeyHistory } from '@/lib/snapshot/normalize';
import { accountChanged } from '../db/account-cache';
import type { Db } from '../db/client';
import { accountExits, accountSnapshots, specialKeySightings, termsRecords } from '../db/schema';

type SeenKey = { apiKey: string; apiName: string; ip: string; permissionMode?: string; symbol: string | null };

/** Keys a record found new on the list, and keys it found gone: each by name, or by its last 4 when unnamed. */
export type SightingChanges = { appeared: { apiKey: string; name: string }[]; disappeared: { apiKey: string; name: string }[] };

const nameOf = (apiKey: string, name: string | null) => name || `…${apiKey.slice(-4)}`;

/**
 * Records the special keys an account lists now: new ones get a first sighting, listed ones a fresh
 * last-seen, and keys no longer listed are marked deleted. The history is never pruned: the rule
 * "deleted but not exited is still bound" (docs/domain.md#liquidationloan) reads it. Answers what changed.
 */
export async function recordSightings(db: Db, masterId: string, email: string, keys: SeenKey[], at: Date): Promise<SightingChanges> {
  const appeared: SightingChanges['appeared'] = [];
  for (const key of keys) {
    const [row] = await db
      .insert(specialKeySightings)
      .values({ masterId, accountEmail: email, apiKey: key.apiKey, name: key.apiName, symbol: key.symbol, permissionMode: key.permissionMode ?? null, ip: key.ip, firstSeenAt: at, lastSeenAt: at })
      .onConflictDoUpdate({
        target: [specialKeySightings.masterId, specialKeySightings.accountEmail, specialKeySightings.apiKey],
        set: { name: key.apiName, ip: key.ip, permissionMode: key.permissionMode ?? null, lastSeenAt: at, deletedAt: null },
      })
      .returning({ firstSeenAt: specialKeySightings.firstSeenAt });
    // An update keeps the first sighting: only a row inserted now carries `at` as its first-seen time.
    if (row && row.firstSeenAt.getTime() === at.getTime()) appeared.push({ apiKey: key.apiKey, name: nameOf(key.apiKey, key.apiName) });
  }
  const listed = keys.map((k) => k.apiKey);
  const gone = await db
    .update(specialKeySightings)
    .set({ deletedAt: at })
    .where(
      and(
        eq(specialKeySightings.masterId, masterId),
        eq(specialKeySightings.accountEmail, email),
        isNull(specialKeySightings.deletedAt),
        listed.length ? notInArray(specialKeySightings.apiKey, listed) : sql`true`,
      ),
    )
    .returning({ apiKey: specialKeySightings.apiKey, name: specialKeySightings.name });
  accountChanged(masterId, email);
  return { appeared, disappeared: gone.map((g) => ({ apiKey: g.apiKey, name: nameOf(g.apiKey, g.name) })) };
}

/** What the risk engine needs from the history of one master's accounts. */
export type LiveSighting = { apiKey: string; firstSeenAt: Date; changedAt: Date | null };

export async function keyHistories(db: Db, masterId: string): Promise<{ termsSigned: boolean; of(email: string): KeyHistory; deletedKeys(email: string): string[]; liveKeys(email: string): LiveSighting[] }> {
  const sightings = await db
    .select({ email: specialKeySightings.accountEmail, apiKey: specialKeySightings.apiKey, symbol: specialKeySightings.symbol, firstSeenAt: specialKeySightings.firstSeenAt, deletedAt: specialKeySightings.deletedAt, changedAt: specialKeySightings.changedAt })
    .from(specialKeySightings)
    .where(eq(specialKeySightings.masterId, masterId));
  const exits = await db
    .select({ email: accountExits.accountEmail, confirmedAt: accountExits.confirmedAt })
    .from(accountExits)
    .where(eq(accountExits.masterId, masterId))
    .orderBy(desc(accountExits.confirmedAt));
  // A LiquidationLoan seen in any fresh snapshot proves the binding until a later confirmed exit (docs/domain.md#binding).
  const loans = await db
    .select({ email: accountSnapshots.accountEmail, seenAt: sql<string>`max(${accountSnapshots.takenAt})` })
    .from(accountSnapshots)
    .where(and(eq(accountSnapshots.masterId, masterId), eq(accountSnapshots.stale, false), sql`${accountSnapshots.input}->'outstandingLoans' @> '[{"kind":"LIQUIDATION_LOAN"}]'::jsonb`))
    .groupBy(accountSnapshots.accountEmail);
  const [recorded] = await db.select({ signedOn: termsRecords.signedOn }).from(termsRecords).where(eq(termsRecords.masterId, masterId));
  // docs/domain.md#keys choice: the terms count as signed once any special key was ever seen under the master, or
  // from the signing date the owner recorded (lib/server/keys/terms.ts).
  const termsSigned = sightings.length > 0 || (recorded !== undefined && recorded.signedOn.getTime() <= Date.now());
  // Grouped once per refresh: each account's lookups below are then constant time, not a scan of the master's
  // sightings (a 1,000-account desk asked for each account's history was quadratic).
  const byEmail = new Map<string, typeof sightings>();
  for (const s of sightings) {
    const list = byEmail.get(s.email);
    if (list) list.push(s);
    else byEmail.set(s.email, [s]);
  }
  const newestExit = new Map<string, Date>();
  for (const e of exits) if (!newestExit.has(e.email)) newestExit.set(e.email, e.confirmedAt);
  const loanSeenAt = new Map<string, string>();
  for (const l of loans) if (!loanSeenAt.has(l.email)) loanSeenAt.set(l.email, l.seenAt);
  const NONE: typeof sightings = [];
  return {
    termsSigned,
    of(email) {
      const mine = byEmail.get(email) ?? NONE;
      let lastCreated = 0;
      for (const s of mine) lastCreated = Math.max(lastCreated, s.firstSeenAt.getTime());
      const exit = newestExit.get(email);
      // An exit releases the account only from the keys created before it.
      const exitConfirmedAt = exit && exit.getTime() >= lastCreated ? exit.toISOString() : null;
      const loanSeen = loanSeenAt.get(email);
      return {
        termsSigned,
        everCreated: mine.length > 0,
        isolatedOnly: mine.length > 0 && mine.every((s) => s.symbol !== null),
        exitConfirmedAt,
        liquidationLoanSeenAt: loanSeen ? new Date(loanSeen).toISOString() : null,
      };
    },
    deletedKeys(email) {
      return (byEmail.get(email) ?? NONE).filter((s) => s.deletedAt !== null).map((s) => s.apiKey);
    },
    liveKeys(email) {
      return (byEmail.get(email) ?? NONE).filter((s) => s.deletedAt === null).map((s) => ({ apiKey: s.apiKey, firstSeenAt: s.firstSeenAt, changedAt: s.changedAt }));
    },
  };
}
