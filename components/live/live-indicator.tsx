'use client';

import { countOf, formatTime } from '@/lib/format';
import { useLive } from './use-live';
import { useTicker } from './use-ticker';
import { ClockIcon } from '@/components/ui/icons';

/** The page's "Live" / "Delayed since …" badge: words and a symbol, never colour alone. */
export function LiveIndicator() {
  const view = useLive();
  const now = useTicker(1_000);
  const since = !view.connected ? view.lostSince : view.market.state === 'live' ? null : view.market.since;
  const accounts = Object.keys(view.accounts).length;
  if (view.connected && since === null && view.market.state === 'live') {
    const delayed = Object.values(view.accounts).filter((a) => a.delayedSince !== null).length;
    return (
      <span data-testid="live-indicator" data-state="live" className="inline-flex items-center gap-1.5 rounded-full border border-emerald-300 bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
        <span aria-hidden className="h-2 w-2 motion-safe:animate-pulse rounded-full bg-emerald-500" />
        Live · {countOf(accounts, 'account')}{delayed > 0 && ` (${delayed} delayed)`}
      </span>
    );
  }
  const label = since === null ? 'Not live: figures from the last refresh' : `Delayed since ${formatTime(since)} (${Math.max(0, Math.round((now - since) / 1000))} s)`;
  return (
    <span data-testid="live-indicator" data-state="delayed" title={view.market.reason ?? undefined} className="inline-flex items-center gap-1.5 rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-300">
      <ClockIcon className="mr-0" />
      {label}
    </span>
  );
}
