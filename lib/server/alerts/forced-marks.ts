import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { newForcedLiquidations, type ForcedMark } from '@/lib/alerts';
import type { ForceLiquidation } from '@/lib/snapshot/normalize';
import type { Db } from '../db/client';
import { forcedLiquidationMarks as marks } from '../db/schema';

export type ForcedFindings = { fresh: Map<string, ForceLiquidation[]>; changed: { email: string; mark: ForcedMark }[] };

/** The new forced-liquidation orders per account read now, against the marks the refreshes left (one row of JSON). */
export async function findForcedLiquidations(db: Db, masterId: string, reads: ReadonlyMap<string, readonly ForceLiquidation[] | null>): Promise<ForcedFindings> {
  const fresh = new Map<string, ForceLiquidation[]>();
  const changed: ForcedFindings['changed'] = [];
  if (![...reads.values()].some((r) => r !== null)) return { fresh, changed };
  const [row] = await db.select({ json: sql<string>`coalesce(json_agg(json_build_array(${marks.accountEmail}, ${marks.seenUntil}, ${marks.seenIds})), '[]')::text` })
    .from(marks).where(eq(marks.masterId, masterId));
  const held = new Map((JSON.parse(row?.json ?? '[]') as [string, number, string[]][]).map(([email, seenUntil, seenIds]) => [email, { seenUntil: Number(seenUntil), seenIds }]));
  for (const [email, rows] of reads) {
    if (rows === null) continue;
    const before = held.get(email) ?? null;
    const found = newForcedLiquidations(rows, before);
    fresh.set(email, found.fresh);
    if (!before || before.seenUntil !== found.mark.seenUntil || before.seenIds.join() !== found.mark.seenIds.join()) changed.push({ email, mark: found.mark });
  }
  return { fresh, changed };
}

/** Advances the marks, in the transaction that raises the alerts for the orders they cover. */
export async function saveForcedMarks(tx: Db, masterId: string, changed: ForcedFindings['changed']): Promise<void> {
  if (!changed.length) return;
  await tx.insert(marks).values(changed.map((c) => ({ masterId, accountEmail: c.email, seenUntil: c.mark.seenUntil, seenIds: [...c.mark.seenIds] })))
    .onConflictDoUpdate({ target: [marks.masterId, marks.accountEmail], set: { seenUntil: sql`excluded.seen_until`, seenIds: sql`excluded.seen_ids` } });
}
