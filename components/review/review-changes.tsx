import type { AccountRow, AccountNote } from '@/lib/contracts/accounts';
import { formatDateTime } from '@/lib/format';
import { changesSince, reviewState } from '@/lib/review/review';

/** On the account page: whether the last review still covers the account and what changed since it. */
export function ReviewChanges({ notes, row, now }: { notes: AccountNote[]; row: AccountRow; now: Date }) {
  const last = notes[0];
  if (!last) return <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="review-changes">Never reviewed: no note yet.</p>;
  const view = reviewState({ by: last.authorEmail, at: last.createdAt, okUntil: last.okUntil, baseline: last.baseline }, row, now);
  const changes = last.baseline ? changesSince(last.baseline, row) : null;
  return (
    <div className="space-y-2 text-sm" data-testid="review-changes">
      <p>
        Last reviewed by <span className="font-medium">{last.authorEmail}</span> at <span className="num">{formatDateTime(last.createdAt)}</span>:{' '}
        {view.state === 'ok' ? (
          <span className="font-medium text-emerald-800 dark:text-emerald-300">still covered until {view.dueAt ? formatDateTime(view.dueAt) : '—'}</span>
        ) : (
          <span className="font-medium text-amber-800 dark:text-amber-300">due again — {view.reasons.join('; ')}</span>
        )}
      </p>
      {changes === null ? (
        <p className="text-slate-500 dark:text-slate-400">This note was written before the account’s figures were kept with it: nothing to compare.</p>
      ) : changes.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">Nothing has changed since that review.</p>
      ) : (
        <table className="text-left">
          <caption className="sr-only">What changed since the last review</caption>
          <thead className="text-xs text-slate-500 dark:text-slate-400">
            <tr><th scope="col" className="pr-4 font-medium">Since the review</th><th scope="col" className="pr-4 font-medium">Then</th><th scope="col" className="font-medium">Now</th></tr>
          </thead>
          <tbody className="num">
            {changes.map((c) => (
              <tr key={c.what}><th scope="row" className="pr-4 font-normal">{c.what}</th><td className="pr-4">{c.before}</td><td className="font-medium">{c.after}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
