import 'server-only';
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { livePoints } from '../db/schema';

/** (choice) The newest live points an account page charts beside its refreshes (docs/live.md#history). */
const LIVE_HISTORY_LIMIT = 1_000;

export type LiveHistoryPoint = { at: Date; marginLevel: string | null; status: string };

/** An account's live points since `since` (the oldest refresh charted), oldest first, the newest 1,000 at most. */
export async function liveHistoryOf(db: Db, masterId: string, email: string, since: Date | null): Promise<LiveHistoryPoint[]> {
  const rows = await db
    .select({ at: livePoints.at, marginLevel: livePoints.marginLevel, status: livePoints.status })
    .from(livePoints)
    .where(and(eq(livePoints.masterId, masterId), eq(livePoints.accountEmail, email), since ? gte(livePoints.at, since) : undefined))
    .orderBy(desc(livePoints.at))
    .limit(LIVE_HISTORY_LIMIT);
  return rows.reverse();
}
