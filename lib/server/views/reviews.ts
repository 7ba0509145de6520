import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { DEFAULT_SHOCK_A, DEFAULT_SHOCK_B } from '@/lib/contracts/accounts';
import type { ReviewBaseline, ReviewQueue } from '@/lib/contracts/review';
import { reviewState, type LatestReview } from '@/lib/review/review';
import type { Db } from '../db/client';
import { accountNotes } from '../db/schema';
import { listAccounts } from './accounts';

/**
 * The ops review queue: each account of the shown refresh against its latest note. The account list is the
 * one kept per refresh; only the notes are read per request, so a note written a moment ago counts.
 */
export async function reviewQueue(db: Db, now = new Date(), masterId?: string): Promise<ReviewQueue> {
  const list = await listAccounts(db, { shockA: DEFAULT_SHOCK_A, shockB: DEFAULT_SHOCK_B, masterId });
  if (!list.master || !list.refresh) return { refreshId: null, reviews: {}, due: 0, total: 0 };
  const notes = await db
    .selectDistinctOn([accountNotes.accountEmail], {
      email: accountNotes.accountEmail,
      by: accountNotes.authorEmail,
      at: accountNotes.createdAt,
      okUntil: accountNotes.okUntil,
      baseline: accountNotes.baseline,
    })
    .from(accountNotes)
    .where(eq(accountNotes.masterId, list.master.id))
    .orderBy(accountNotes.accountEmail, desc(accountNotes.createdAt));
  const latest = new Map<string, LatestReview>(
    notes.map((n) => [n.email, { by: n.by, at: n.at.toISOString(), okUntil: n.okUntil?.toISOString() ?? null, baseline: (n.baseline as ReviewBaseline | null) ?? null }]),
  );
  const reviews = Object.fromEntries(list.rows.map((r) => [r.email, reviewState(latest.get(r.email) ?? null, r, now)]));
  return { refreshId: list.refresh.id, reviews, due: Object.values(reviews).filter((v) => v.state !== 'ok').length, total: list.rows.length };
}
