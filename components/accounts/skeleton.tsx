import { Skeleton } from '@/components/ui/states';

/** The table's shape while it loads: toolbar, header and a screenful of two-line rows. */
export function AccountsSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading accounts" className="space-y-3">
      <div className="flex gap-3">
        {['w-64', 'w-36', 'w-36', 'w-36', 'w-28'].map((w, i) => (
          <Skeleton key={i} className={`h-8 ${w}`} />
        ))}
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
        <Skeleton className="mb-2 h-6 w-full" />
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="mb-1 h-12 w-full opacity-70" />
        ))}
      </div>
    </div>
  );
}

/** The detail page's shape while it loads: the figures strip, the two charts, then the tables. */
export function DetailSkeleton() {
  return (
    <div role="status" aria-label="Loading the account" className="space-y-5">
      <Skeleton className="h-5 w-96" />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-14" />
        ))}
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
      </div>
      <Skeleton className="h-40" />
    </div>
  );
}
