import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { NO_STATES, withChanges, type ActiveState, type AlertStates, type ForcedMark, type StateChange } from '@/lib/alerts';
import type { Db } from '../db/client';
import { alertStates, alertStateVersions } from '../db/schema';
import { saveForcedMarks, type ForcedFindings } from './forced-marks';

export type ForcedMarks = ReadonlyMap<string, ForcedMark>;

/** What this process holds of a master's alert step under one version token: open alerts, and the forced marks once read. */
type Held = { token: string; states: AlertStates; marks: ForcedMarks | null };

// Per process, like the database handle (Next.js may load this module in several bundles).
const holder = globalThis as typeof globalThis & { __marginwatchAlertStates?: Map<string, Held> };
const held = (holder.__marginwatchAlertStates ??= new Map());

const CHUNK = 1000;

/**
 * The master's open alerts as the last refresh left them. Reading every open alert costs tens of
 * milliseconds once a crash has opened one per account, so the states this process last wrote or read are
 * kept with their version token: one primary-key read tells whether they are still the stored ones (another
 * instance, or a rolled-back transaction, leaves a different token or none). No token: nothing was ever
 * stored for the master (the migration that added tokens gave one to every master holding states).
 */
export async function loadStates(tx: Db, masterId: string): Promise<AlertStates> {
  const [version] = await tx.select({ token: alertStateVersions.token }).from(alertStateVersions).where(eq(alertStateVersions.masterId, masterId));
  return statesAt(tx, masterId, version?.token ?? null);
}

/**
 * The states stored under `token` (read beside the rest of the desk: lib/server/alerts/desk-read.ts). `marks`:
 * the forced-liquidation marks stored under the same token, when the caller has them, held from now on.
 */
export async function statesAt(tx: Db, masterId: string, token: string | null, marks: ForcedMarks | null = null): Promise<AlertStates> {
  if (token === null) return NO_STATES;
  const mine = held.get(masterId);
  if (mine?.token === token) {
    if (marks && mine.marks !== marks) held.set(masterId, { ...mine, marks });
    return mine.states;
  }
  // One row of JSON instead of a row per open alert: the driver's per-row cost is what a crash multiplies.
  const [row] = await tx.select({
    json: sql<string>`coalesce(json_agg(json_build_array(${alertStates.ruleId}, ${alertStates.accountEmail}, ${alertStates.level}, ${alertStates.value})), '[]')::text`,
  }).from(alertStates).where(eq(alertStates.masterId, masterId));
  const states = new Map<string, Map<string, NonNullable<ActiveState>>>();
  for (const [ruleId, email, level, value] of JSON.parse(row?.json ?? '[]') as [string, string, number, number][]) {
    let inner = states.get(ruleId);
    if (!inner) states.set(ruleId, (inner = new Map()));
    inner.set(email, { level, value });
  }
  held.set(masterId, { token, states, marks });
  return states;
}

/**
 * The forced marks this process holds and the token they were stored under: the desk read skips reading them
 * again while that token is still the stored one (every change of the marks renews it, in `saveStates`).
 */
export function heldMarks(masterId: string): { token: string; marks: ForcedMarks } | null {
  const mine = held.get(masterId);
  return mine?.marks ? { token: mine.token, marks: mine.marks } : null;
}

/**
 * Stores a refresh's state changes (a few statements however many) and the forced marks that moved, with a
 * new token, in the caller's transaction. `forced`: the marks the step read or held, and the findings against them.
 */
export async function saveStates(tx: Db, masterId: string, before: AlertStates, changes: readonly StateChange[], forced?: { marks: ForcedMarks; changed: ForcedFindings['changed'] }): Promise<void> {
  const marksMoved = Boolean(forced?.changed.length);
  if (!changes.length && !marksMoved) return;
  const cleared = new Map<string, string[]>();
  const open: (typeof alertStates.$inferInsert)[] = [];
  for (const c of changes) {
    const email = c.email ?? '';
    if (c.state === null) cleared.set(c.ruleId, [...(cleared.get(c.ruleId) ?? []), email]);
    else open.push({ masterId, ruleId: c.ruleId, accountEmail: email, level: c.state.level, value: c.state.value });
  }
  for (const [ruleId, emails] of cleared) {
    for (let i = 0; i < emails.length; i += CHUNK) {
      await tx.delete(alertStates).where(and(eq(alertStates.masterId, masterId), eq(alertStates.ruleId, ruleId), inArray(alertStates.accountEmail, emails.slice(i, i + CHUNK))));
    }
  }
  for (let i = 0; i < open.length; i += CHUNK) {
    await tx.insert(alertStates).values(open.slice(i, i + CHUNK)).onConflictDoUpdate({
      target: [alertStates.masterId, alertStates.ruleId, alertStates.accountEmail],
      set: { level: sql`excluded.level`, value: sql`excluded.value` },
    });
  }
  let marks: ForcedMarks | null = null;
  if (forced) {
    await saveForcedMarks(tx, masterId, forced.changed);
    marks = marksMoved ? new Map([...forced.marks, ...forced.changed.map((c) => [c.email, c.mark] as const)]) : forced.marks;
  }
  const token = randomUUID();
  await tx.insert(alertStateVersions).values({ masterId, token }).onConflictDoUpdate({ target: alertStateVersions.masterId, set: { token } });
  // Held before the commit: should the transaction roll back, its token is never stored, so never matched.
  // A save without the marks (the live figures') holds none: the next refresh reads them again.
  held.set(masterId, { token, states: withChanges(before, changes), marks });
}
