import { NoDataYet } from '@/components/shell/no-data-yet';
import { PageHeader } from '@/components/ui/card';

export const metadata = { title: 'Exit' };

export default function ExitPage() {
  return (
    <>
      <PageHeader
        title="Exit Margin Special Key mode"
        description={
          <>
            Two steps: delete every special key, then call the exit and wait for confirmation.{' '}
            <strong>Deleting the keys alone is not enough</strong>: until the exit is confirmed the accounts stay bound by the
            LiquidationLoan policy.
          </>
        }
      />
      <NoDataYet what="Accounts bound by a Margin Special Key" />
    </>
  );
}
