import { formatAge, formatDate, formatDateTime } from '@/lib/format';
import type { ReviewView } from '@/lib/contracts/review';

const muted = 'text-slate-500 dark:text-slate-400';

/** The accounts list's review column: due (and why) or OK until when, then who reviewed and how long ago. */
export function ReviewCell({ review, now }: { review: ReviewView | undefined; now: Date }) {
  if (!review) return <span className={muted}>…</span>;
  return (
    // relative: the screen-reader text stays inside the table's scroll box instead of widening the page.
    <span className="relative flex flex-col items-start" data-testid="review-cell" data-state={review.state}>
      {review.state === 'ok' ? (
        <span className="text-emerald-800 dark:text-emerald-300" title={review.dueAt ? `Covered until ${formatDateTime(review.dueAt)}` : undefined}>
          OK until {review.dueAt ? formatDate(review.dueAt) : '—'}
        </span>
      ) : (
        <span className="font-semibold text-amber-800 dark:text-amber-300" title={review.reasons.join('; ')}>
          Due
          <span className="sr-only">: {review.reasons.join('; ')}</span>
        </span>
      )}
      <span className={`${muted} block max-w-full text-xs wrap-break-word`} title={review.reviewedAt ? `${review.reviewedBy} at ${formatDateTime(review.reviewedAt)}` : undefined}>
        {review.reviewedBy && review.reviewedAt ? `${review.reviewedBy.split('@')[0]} · ${formatAge(review.reviewedAt, now)} ago` : 'never reviewed'}
      </span>
    </span>
  );
}
