import 'server-only';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AccountFacts, MasterFacts } from '@/lib/alerts';
import { distanceToLiquidation, type AccountRisk, type MasterRisk } from '@/lib/risk';
import type { ForceLiquidation } from '@/lib/snapshot/normalize';
import type { Db } from '../db/client';
import { accountLabels, exitRuns, refreshRuns } from '../db/schema';

/** What the refresh knows of one account once its snapshot is written. */
export type RefreshedAccount = {
  risk: AccountRisk;
  dataAt: Date;
  keysTotal: number | null;
  specialKnown: boolean;
  outsideKeyChanges: AccountFacts['outsideKeyChanges'];
  /** null when the account's special keys are unknown. */
  idleSpecialKeys: number | null;
  /** The forced-liquidation record read now (newest first); null when not read. */
  forceLiquidations: ForceLiquidation[] | null;
};

const minutesSince = (at: Date, now: Date) => Math.max(0, (now.getTime() - at.getTime()) / 60_000);

function nearestLiquidation(risk: AccountRisk): AccountFacts['liquidation'] {
  // Runs per account on every refresh: a plain loop, no closure per account.
  let best: AccountFacts['liquidation'] = null;
  for (let i = -1; i < risk.isolatedPairs.length; i++) {
    const pair = i < 0 ? null : risk.isolatedPairs[i]!;
    const c = pair ? pair.shocks.liquidation : risk.shocks.liquidation;
    if (!c) continue;
    const distance = distanceToLiquidation(c);
    if (!best || distance < best.distance) best = { distance, direction: c.direction, pair: pair ? pair.symbol : null };
  }
  return best;
}

export async function accountFacts(db: Db, masterId: string, accounts: ReadonlyMap<string, RefreshedAccount>, now: Date): Promise<AccountFacts[]> {
  // Every label of the master as one row of JSON, filtered here: a row per label, or an IN list of 1,000
  // emails, costs a large desk milliseconds on every refresh.
  const [row] = await db.select({ json: sql<string>`coalesce(json_agg(json_build_array(${accountLabels.accountEmail}, ${accountLabels.label})), '[]')::text` })
    .from(accountLabels).where(eq(accountLabels.masterId, masterId));
  const labelsOf = new Map<string, string[]>();
  for (const [email, label] of JSON.parse(row?.json ?? '[]') as [string, string][]) {
    if (accounts.has(email)) labelsOf.set(email, [...(labelsOf.get(email) ?? []), label]);
  }
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
    idleSpecialKeys: a.idleSpecialKeys,
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
