import { SecondFactorPanel } from '@/components/security/second-factor-panel';
import { PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/server/auth/page-guard';

export const metadata = { title: 'Security' };

export default async function SecuritySettingsPage() {
  await requirePageUser('second_factor.use');
  return (
    <>
      <PageHeader
        title="Security"
        description="A second factor guards every action on the exchange and the connections: special keys, repays, the exit, adding or removing keys, the terms record."
      />
      <SecondFactorPanel />
    </>
  );
}
