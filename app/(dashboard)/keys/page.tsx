import { NoDataYet } from '@/components/shell/no-data-yet';
import { PageHeader } from '@/components/ui/card';

export const metadata = { title: 'Keys' };

export default function KeysPage() {
  return (
    <>
      <PageHeader title="Keys" description="Every account's normal and Margin Special keys, the 30-keys-per-account limit, and keys that need attention." />
      <NoDataYet what="API keys" />
    </>
  );
}
