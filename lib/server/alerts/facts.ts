import 'server-only';
import type { AccountFacts, MasterFacts } from '@/lib/alerts';
import { distanceToLiquidation, type AccountRisk, type MasterRisk } from '@/lib/risk';
import type { ForceLiquidation } from '@/lib/snapshot/normalize';
import type { DeskRead } from './desk-read';

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

const NO_LABELS: readonly string[] = [];

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

/** Each account's facts for the rules, with its desk labels (read under the alerts lock: lib/server/alerts/desk-read.ts). */
export function accountFacts(labels: ReadonlyMap<string, readonly string[]>, accounts: ReadonlyMap<string, RefreshedAccount>, now: Date): AccountFacts[] {
  const facts: AccountFacts[] = [];
  for (const [email, a] of accounts) {
    facts.push({
      email,
      labels: labels.get(email) ?? NO_LABELS,
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
    });
  }
  return facts;
}

/** The desk-level facts: the master curve, how long refreshes have failed, an exit run left half done. */
export function masterFacts(desk: Pick<DeskRead, 'exitHalfDoneAt' | 'failingSince'>, risk: MasterRisk | null, failing: boolean, now: Date): MasterFacts {
  return {
    curve: risk?.curve ?? [],
    refreshFailingMinutes: failing ? minutesSince(desk.failingSince ?? now, now) : null,
    exitHalfDoneMinutes: desk.exitHalfDoneAt ? minutesSince(desk.exitHalfDoneAt, now) : null,
  };
}
