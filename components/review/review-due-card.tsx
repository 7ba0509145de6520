'use client';

import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { Figure } from '@/components/ui/figure';
import { countOf } from '@/lib/format';
import { useReviews } from './use-reviews';

/** The overview's "due for review" signal: how many accounts the daily review still has to look at. */
export function ReviewDueCard() {
  const query = useReviews();
  const q = query.data;
  return (
    <Card title="Review queue">
      {!q ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{query.isError ? `Could not load the review queue: ${query.error.message}` : 'Loading…'}</p>
      ) : (
        <Link href="/accounts?review=due" className="block rounded-lg hover:bg-slate-50 dark:hover:bg-slate-800/50" data-testid="review-due">
          <span className={`text-2xl font-semibold ${q.due > 0 ? 'text-amber-800 dark:text-amber-300' : 'text-emerald-800 dark:text-emerald-300'}`}>
            <Figure>{q.due}</Figure>
          </span>{' '}
          <span className="text-sm text-slate-600 dark:text-slate-300">
            of {countOf(q.total, 'account')} due for review
          </span>
        </Link>
      )}
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
        Due: never reviewed, past its “OK until” (a day without one), or its status or margin level moved past what it was when reviewed.
      </p>
    </Card>
  );
}
