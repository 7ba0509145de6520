'use client';

import type { ChannelAttempt } from '@/lib/contracts/alerts';
import { formatDateTime } from '@/lib/format';
import { OkIcon, WarnIcon } from '@/components/ui/icons';

function outcome(a: ChannelAttempt) {
  if (a.ok) return <><OkIcon />{a.statusCode === null ? 'delivered' : `delivered (HTTP ${a.statusCode})`}</>;
  return <><WarnIcon />{a.statusCode === null ? 'failed' : `failed (${a.statusCode})`}</>;
}

/** A channel's latest attempts, newest first: what went, what failed and why, and when it is tried again. */
export function ChannelHistory({ history }: { history: ChannelAttempt[] }) {
  if (history.length === 0) return null;
  return (
    <details className="mt-2 text-xs" data-testid="channel-history">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Delivery history (latest {history.length})</summary>
      <ol className="mt-2 space-y-1.5">
        {history.map((a, i) => (
          <li key={i} className="rounded border border-slate-100 px-2 py-1.5 dark:border-slate-800" data-testid="channel-attempt">
            <p className="flex flex-wrap gap-x-3">
              <span className="num text-slate-500">{formatDateTime(a.at)}</span>
              <span className={a.ok ? 'text-emerald-700 dark:text-emerald-400' : 'font-medium text-red-700 dark:text-red-400'}>{outcome(a)}</span>
              {a.nextAttemptAt && <span className="text-amber-700 dark:text-amber-300">next try {formatDateTime(a.nextAttemptAt)}</span>}
            </p>
            <p className="break-words text-slate-600 dark:text-slate-400">{a.test ? 'Test message' : a.alertTitle}</p>
            {a.error && <p className="break-words text-slate-500">{a.error}</p>}
          </li>
        ))}
      </ol>
    </details>
  );
}
