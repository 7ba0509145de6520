import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

/** Shown by every data page until a master connection has been refreshed at least once. */
export function NoDataYet({ what }: { what: string }) {
  return (
    <EmptyState
      title="No exchange data yet"
      action={
        <Link href="/settings" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900">
          Go to Settings → Connections
        </Link>
      }
    >
      {what} appear here once a master connection is stored and its first refresh has finished.
    </EmptyState>
  );
}
