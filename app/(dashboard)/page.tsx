import { NoDataYet } from '@/components/shell/no-data-yet';
import { PageHeader } from '@/components/ui/card';

export const metadata = { title: 'Overview' };

export default function OverviewPage() {
  return (
    <>
      <PageHeader
        title="Overview"
        description="Which sub-accounts could leave you owing a LiquidationLoan, how far each is from liquidation, and how much the master could owe if the market gaps."
      />
      <NoDataYet what="Master totals, the deficit curve and the accounts nearest to liquidation" />
    </>
  );
}
