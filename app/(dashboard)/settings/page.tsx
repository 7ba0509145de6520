import { redirect } from 'next/navigation';

// Settings has one section today: the exchange connections.
export default function SettingsPage() {
  redirect('/settings/connections');
}
