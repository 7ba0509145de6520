import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';
import { button } from '@/components/ui/controls';

/** Shown by every data page until a master connection has been refreshed at least once. */
export function NoDataYet({ what }: { what: string }) {
  return (
    <EmptyState
      title="No exchange data yet"
      action={
        <Link href="/settings" className={button.primary}>
          Go to Settings → Connections
        </Link>
      }
    >
      {what} appear here once a master connection is stored and its first refresh has finished.
    </EmptyState>
  );
}
