import 'server-only';
import { sql } from 'drizzle-orm';
import { newForcedLiquidations, type ForcedMark } from '@/lib/alerts';
import type { ForceLiquidation } from '@/lib/snapshot/normalize';
import type { Db } from '../db/client';
import { forcedLiquidationMarks as marks } from '../db/schema';

export type ForcedFindings = { fresh: Map<string, ForceLiquidation[]>; changed: { email: string; mark: ForcedMark }[] };

/**
 * The new forced-liquidation orders per account read now, against the marks the refreshes left (read under the
 * alerts lock: lib/server/alerts/desk-read.ts), and the marks that moved.
 */
export function findForcedLiquidations(marks: ReadonlyMap<string, ForcedMark>, accounts: ReadonlyMap<string, { forceLiquidations: readonly ForceLiquidation[] | null }>): ForcedFindings {
  const fresh = new Map<string, ForceLiquidation[]>();
  const changed: ForcedFindings['changed'] = [];
  for (const [email, { forceLiquidations: rows }] of accounts) {
    if (rows === null) continue;
    const before = marks.get(email) ?? null;
    const found = newForcedLiquidations(rows, before);
    fresh.set(email, found.fresh);
    if (!before || (found.mark !== before && (before.seenUntil !== found.mark.seenUntil || before.seenIds.join() !== found.mark.seenIds.join()))) changed.push({ email, mark: found.mark });
  }
  return { fresh, changed };
}

/** Whether any account's record was read now (else the marks need not be read). */
export const anyForcedRead = (accounts: ReadonlyMap<string, { forceLiquidations: readonly ForceLiquidation[] | null }>) => {
  for (const a of accounts.values()) if (a.forceLiquidations !== null) return true;
  return false;
};

/** Advances the marks, in the transaction that raises the alerts for the orders they cover. */
export async function saveForcedMarks(tx: Db, masterId: string, changed: ForcedFindings['changed']): Promise<void> {
  if (!changed.length) return;
  await tx.insert(marks).values(changed.map((c) => ({ masterId, accountEmail: c.email, seenUntil: c.mark.seenUntil, seenIds: [...c.mark.seenIds] })))
    .onConflictDoUpdate({ target: [marks.masterId, marks.accountEmail], set: { seenUntil: sql`excluded.seen_until`, seenIds: sql`excluded.seen_ids` } });
}
