import { PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';

export const metadata = { title: 'Settings' };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Exchange connections: the master key and each sub-account's normal key, stored sealed." />
      <EmptyState title="No connection stored">Connections are managed here once the exchange integration lands.</EmptyState>
    </>
  );
}
