'use client';

import Link from 'next/link';
import { countOf } from '@/lib/format';
import { useAlertCount } from './use-alerts';

/** The header's bell: open (unacknowledged) alerts, linking to the inbox. */
export function AlertHeaderCount() {
  const { data } = useAlertCount();
  const open = data?.open ?? 0;
  return (
    <Link
      href="/alerts"
      data-testid="alert-count"
      aria-label={open ? `${countOf(open, 'open alert')}` : 'Alerts: none open'}
      className={`num inline-flex items-center gap-1.5 rounded-md border px-2 py-1 text-xs font-semibold ${
        open ? 'border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200' : 'border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-400'
      }`}
    >
      <svg viewBox="0 0 24 24" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden>
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10 21h4" />
      </svg>
      {data ? open : '…'}
    </Link>
  );
}
