import 'server-only';
import { ApiError } from '../api/errors';
import type { Db } from '../db/client';
import { exitOverview } from './views';

/** A run takes only accounts the review shows as ready: bound, debt-free, not liquidating, with a trading key. */
export async function assertSelectable(db: Db, masterId: string, emails: string[]): Promise<void> {
  const { accounts } = await exitOverview(db, masterId);
  const problems = emails.flatMap((email) => {
    const row = accounts.find((a) => a.email === email);
    if (!row) return [`${email} is not an account of this master`];
    if (row.verdict.kind === 'excluded') return [`${email}: ${row.verdict.reason}`];
    if (row.verdict.kind === 'blocked') return [`${email}: ${row.verdict.blockers.map((b) => b.message).join(' ')}`];
    return [];
  });
  if (problems.length) throw new ApiError(422, 'not_selectable', `These accounts cannot be part of the run; nothing was changed. ${problems.join(' · ')}`, problems);
}
