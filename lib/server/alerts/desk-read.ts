import 'server-only';
import { sql } from 'drizzle-orm';
import type { AlertRule, ForcedMark } from '@/lib/alerts';
import type { Db } from '../db/client';
import { holdTransactionLock } from '../db/transaction-lock';
import { exitRuns, refreshRuns } from '../db/schema';
import { accountLabels, alertRules, alertStateVersions, forcedLiquidationMarks as marks } from '../db/schema-alerts';
import { ruleFromRow, type RuleRow } from './rules-store';
import { heldMarks } from './state-cache';

/** What raising alerts reads of a master, all in one round trip once it holds the master's alerts lock. */
export type DeskRead = {
  /** Each account's desk labels. */
  labels: ReadonlyMap<string, string[]>;
  /** The rules an owner saved (defaults edited, own rules); `effectiveRules` makes the rules in force. */
  savedRules: AlertRule[];
  /** The alert states' version token (lib/server/alerts/state-cache.ts); null: no states ever stored. */
  stateToken: string | null;
  /** When the master's exit run reached "keys deleted" and stopped there; null: none is half done. */
  exitHalfDoneAt: Date | null;
  /** The forced-liquidation marks per account, when asked for: as read now, or as held under the stored token. */
  forcedMarks: ReadonlyMap<string, ForcedMark> | null;
  /** When asked for (a failing refresh): the last refresh that read anything, else the first one started. */
  failingSince: Date | null;
};

/**
 * Every account's forced-liquidation mark, or null when the marks this process holds are the stored ones (their
 * token is still the stored one): a thousand marks cost a refresh more than the rest of the read together.
 */
function marksUnlessHeld(masterId: string, mine: { token: string } | null) {
  const all = sql`(select coalesce(json_agg(json_build_array(${marks.accountEmail}, ${marks.seenUntil}, ${marks.seenIds})), '[]') from ${marks} where ${marks.masterId} = ${masterId})`;
  if (!mine) return all;
  return sql`case when exists (select 1 from ${alertStateVersions} where ${alertStateVersions.masterId} = ${masterId} and ${alertStateVersions.token} = ${mine.token}) then null else ${all} end`;
}

type Raw = {
  labels: [string, string][];
  rules: RuleRow[];
  token: string | null;
  exitAt: string | null;
  marks: [string, number, string[]][] | null;
  lastGood: string | null;
  firstStarted: string | null;
};

/**
 * Takes the master's alerts lock, then reads everything raising alerts needs but the facts the caller holds.
 * A refresh and the live figures (docs/live.md#alerts) both raise alerts for a master: one at a time, so each
 * reads the states the other left and nothing is raised twice (across instances too). The read is one
 * statement returning one row of JSON, after the lock (a statement's snapshot is taken when it starts): each
 * round trip, and each row the driver decodes, costs a large desk's every refresh (docs/alerts.md#no-spam).
 */
export async function lockAndReadDesk(tx: Db, masterId: string, want: DeskWanted): Promise<DeskRead> {
  await lockAlerts(tx, masterId);
  return readDesk(tx, masterId, want);
}

export type DeskWanted = { forcedMarks: boolean; failing: boolean };

export async function lockAlerts(tx: Db, masterId: string): Promise<void> {
  await holdTransactionLock(tx, `alerts:${masterId}`);
}

/** The desk's read alone: only under `lockAlerts` in the same transaction. */
export async function readDesk(tx: Db, masterId: string, want: DeskWanted): Promise<DeskRead> {
  const mine = heldMarks(masterId);
  const result = await tx.execute(sql`select json_build_object(
    'labels', (select coalesce(json_agg(json_build_array(${accountLabels.accountEmail}, ${accountLabels.label})), '[]') from ${accountLabels} where ${accountLabels.masterId} = ${masterId}),
    'rules', (select coalesce(json_agg(json_build_array(${alertRules.id}, ${alertRules.kind}, ${alertRules.enabled}, ${alertRules.threshold}, ${alertRules.rearmMargin}, ${alertRules.escalationStep}, ${alertRules.shockPercent}, ${alertRules.scope})), '[]') from ${alertRules}),
    'token', (select ${alertStateVersions.token} from ${alertStateVersions} where ${alertStateVersions.masterId} = ${masterId}),
    'exitAt', (select ${exitRuns.updatedAt} from ${exitRuns} where ${exitRuns.masterId} = ${masterId} and ${exitRuns.phase} = 'keys_deleted' and ${exitRuns.finishedAt} is null limit 1),
    'marks', ${want.forcedMarks ? marksUnlessHeld(masterId, mine) : sql`null`},
    'lastGood', ${want.failing ? sql`(select max(${refreshRuns.finishedAt}) from ${refreshRuns} where ${refreshRuns.masterId} = ${masterId} and ${refreshRuns.status} in ('ok', 'partial'))` : sql`null`},
    'firstStarted', ${want.failing ? sql`(select min(${refreshRuns.startedAt}) from ${refreshRuns} where ${refreshRuns.masterId} = ${masterId})` : sql`null`}
  )::text as desk`);
  // Both drivers answer execute() with `{ rows }`; the shared Db type leaves it unknown.
  const raw = JSON.parse((result as unknown as { rows: { desk: string }[] }).rows[0]!.desk) as Raw;
  const labels = new Map<string, string[]>();
  for (const [email, label] of raw.labels) {
    const held = labels.get(email);
    if (held) held.push(label);
    else labels.set(email, [label]);
  }
  const since = raw.lastGood ?? raw.firstStarted;
  return {
    labels,
    savedRules: raw.rules.map(ruleFromRow),
    stateToken: raw.token,
    exitHalfDoneAt: raw.exitAt === null ? null : new Date(raw.exitAt),
    forcedMarks: !want.forcedMarks ? null : raw.marks ? new Map(raw.marks.map(([email, seenUntil, seenIds]) => [email, { seenUntil: Number(seenUntil), seenIds }])) : mine!.marks,
    failingSince: since === null ? null : new Date(since),
  };
}
