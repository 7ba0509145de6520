import 'server-only';
import { getEnv } from '@/lib/env';

/** Where people open the app, for links in webhooks and emails (docs/alerts.md#links). */
export function publicUrl(): string {
  const env = getEnv();
  return (env.MARGINWATCH_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`).replace(/\/$/, '');
}
