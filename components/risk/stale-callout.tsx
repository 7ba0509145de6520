import { Card } from '@/components/ui/card';
import { formatAge, formatDateTime } from '@/lib/format';
import type { StaleAccount } from '@/lib/contracts/overview';

/** Accounts whose last read failed: their figures are the last good data, and this says how old it is. */
export function StaleCallout({ stale }: { stale: StaleAccount[] }) {
  if (stale.length === 0) {
    return (
      <Card title="Stale accounts">
        <p className="text-sm text-emerald-700 dark:text-emerald-400">● Every account was read in the last refresh.</p>
      </Card>
    );
  }
  return (
    <Card title={`Stale accounts (${stale.length})`} className="border-amber-300 dark:border-amber-900">
      <p className="mb-3 text-sm text-amber-800 dark:text-amber-300">
        ▲ The last refresh could not read these accounts; their figures are the last good data.
      </p>
      <ul className="space-y-3" data-testid="stale-list">
        {stale.map((s) => (
          <li key={s.email} className="rounded-lg bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950/30">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span className="truncate font-medium" title={s.email}>{s.email}</span>
              <span className="num text-xs text-slate-600 dark:text-slate-300" title={formatDateTime(s.dataAt)}>
                data <span suppressHydrationWarning>{formatAge(s.dataAt)}</span> old
              </span>
            </div>
            <p className="mt-1 break-words text-xs text-slate-700 dark:text-slate-300">{s.error ?? 'No error recorded.'}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
