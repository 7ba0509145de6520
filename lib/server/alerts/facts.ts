import 'server-only';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { AccountFacts, MasterFacts } from '@/lib/alerts';
import { isIdle } from '@/lib/keys/flags';
import { distanceToLiquidation, type AccountRisk, type MasterRisk } from '@/lib/risk';
import type { Db } from '../db/client';
import { accountLabels, exitRuns, refreshRuns, specialKeySightings, subAccountKeyLists } from '../db/schema';

/** What the refresh knows of one account once its snapshot is written. */
export type RefreshedAccount = { risk: AccountRisk; dataAt: Date; keysTotal: number | null; specialKnown: boolean; outsideKeyChanges: AccountFacts['outsideKeyChanges'] };

const DAY_MS = 86_400_000;
const minutesSince = (at: Date, now: Date) => Math.max(0, (now.getTime() - at.getTime()) / 60_000);

function nearestLiquidation(risk: AccountRisk): AccountFacts['liquidation'] {
  let best: AccountFacts['liquidation'] = null;
  const consider = (c: AccountRisk['shocks']['liquidation'], pair: string | null) => {
    if (!c) return;
    const distance = distanceToLiquidation(c);
    if (!best || distance < best.distance) best = { distance, direction: c.direction, pair };
  };
  consider(risk.shocks.liquidation, null);
  for (const p of risk.isolatedPairs) consider(p.shocks.liquidation, p.symbol);
  return best;
}

/**
 * Special keys idle past the revocation horizon per account, measured as the Keys page does
 * (lib/keys/inventory.ts): from the later of the key's creation (the exchange's list) and our last change.
 */
async function idleCounts(db: Db, masterId: string, now: Date): Promise<Map<string, number>> {
  const [sightings, lists] = await Promise.all([
    db.select().from(specialKeySightings).where(and(eq(specialKeySightings.masterId, masterId), isNull(specialKeySightings.deletedAt))),
    db.select().from(subAccountKeyLists).where(eq(subAccountKeyLists.masterId, masterId)),
  ]);
  const created = new Map(lists.flatMap((l) => l.keys.map((k) => [`${l.accountEmail}|${k.apiKey}`, k.createdAt] as const)));
  const counts = new Map<string, number>();
  for (const s of sightings) {
    const c = created.get(`${s.accountEmail}|${s.apiKey}`);
    const since = Math.max(c ? Date.parse(c) : s.firstSeenAt.getTime(), s.changedAt?.getTime() ?? 0);
    if (isIdle(Math.floor((now.getTime() - since) / DAY_MS))) counts.set(s.accountEmail, (counts.get(s.accountEmail) ?? 0) + 1);
  }
  return counts;
}

export async function accountFacts(db: Db, masterId: string, accounts: ReadonlyMap<string, RefreshedAccount>, now: Date): Promise<AccountFacts[]> {
  const emails = [...accounts.keys()];
  const [labels, idle] = await Promise.all([
    emails.length ? db.select().from(accountLabels).where(and(eq(accountLabels.masterId, masterId), inArray(accountLabels.accountEmail, emails))) : [],
    idleCounts(db, masterId, now),
  ]);
  const labelsOf = new Map<string, string[]>();
  for (const l of labels) labelsOf.set(l.accountEmail, [...(labelsOf.get(l.accountEmail) ?? []), l.label]);
  return [...accounts].map(([email, a]) => ({
    email,
    labels: labelsOf.get(email) ?? [],
    status: a.risk.status,
    marginLevel: a.risk.pmPro ? a.risk.pmPro.uniMMR : a.risk.marginLevel,
    liquidation: nearestLiquidation(a.risk),
    curve: a.risk.curve,
    outstandingLoanUsd: a.risk.outstandingLoanUsd,
    bound: a.risk.applicability.bound,
    keysTotal: a.keysTotal,
    idleSpecialKeys: a.specialKnown ? (idle.get(email) ?? 0) : null,
    outsideKeyChanges: a.outsideKeyChanges,
    dataAgeMinutes: minutesSince(a.dataAt, now),
  }));
}

/** The desk-level facts: the master curve, how long refreshes have failed, an exit run left half done. */
export async function masterFacts(db: Db, masterId: string, risk: MasterRisk | null, failing: boolean, now: Date): Promise<MasterFacts> {
  let refreshFailingMinutes: number | null = null;
  if (failing) {
    const [good] = await db.select({ at: refreshRuns.finishedAt }).from(refreshRuns)
      .where(and(eq(refreshRuns.masterId, masterId), inArray(refreshRuns.status, ['ok', 'partial']))).orderBy(desc(refreshRuns.finishedAt)).limit(1);
    const [first] = await db.select({ at: refreshRuns.startedAt }).from(refreshRuns).where(eq(refreshRuns.masterId, masterId)).orderBy(refreshRuns.startedAt).limit(1);
    const since = good?.at ?? first?.at ?? now;
    refreshFailingMinutes = minutesSince(since, now);
  }
  const [halfDone] = await db.select({ at: exitRuns.updatedAt }).from(exitRuns)
    .where(and(eq(exitRuns.masterId, masterId), eq(exitRuns.phase, 'keys_deleted'), isNull(exitRuns.finishedAt)));
  return {
    curve: risk?.curve ?? [],
    refreshFailingMinutes,
    exitHalfDoneMinutes: halfDone ? minutesSince(halfDone.at, now) : null,
  };
}
