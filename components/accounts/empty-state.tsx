import { NoDataYet } from '@/components/shell/no-data-yet';
import { EmptyState } from '@/components/ui/states';
import { button } from '@/components/ui/controls';

/** Two different empties: nothing refreshed yet (go set up a connection), or nothing matches the filters. */
export function AccountsEmpty({ reason, onClear }: { reason: 'no-data' | 'no-match'; onClear: () => void }) {
  if (reason === 'no-data') return <NoDataYet what="Sub-accounts" />;
  return (
    <EmptyState
      title="No account matches these filters"
      action={
        <button type="button" onClick={onClear} className={button.quiet}>
          Clear filters
        </button>
      }
    >
      Try another email, or widen the mode, binding, status or data filters.
    </EmptyState>
  );
}
