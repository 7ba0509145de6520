import { NoDataYet } from '@/components/shell/no-data-yet';
import { PageHeader } from '@/components/ui/card';

export const metadata = { title: 'Accounts' };

export default function AccountsPage() {
  return (
    <>
      <PageHeader title="Accounts" description="Every sub-account: mode, whether the LiquidationLoan policy binds it and why, margin level against its bars." />
      <NoDataYet what="Sub-accounts" />
    </>
  );
}
