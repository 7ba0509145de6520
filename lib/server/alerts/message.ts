import 'server-only';
import { alertPath, type AlertMessage } from '@/lib/alerts/payloads';
import type { alerts } from '../db/schema';
import { publicUrl } from './public-url';

/** What a channel is sent for one alert (docs/alerts.md#webhooks), with the absolute link to its page. */
export function messageOf(alert: typeof alerts.$inferSelect): AlertMessage {
  return {
    id: alert.id, kind: alert.kind, transition: alert.transition, level: alert.level, title: alert.title, condition: alert.condition,
    account: alert.accountEmail, figures: alert.figures, raisedAt: alert.raisedAt.toISOString(), link: `${publicUrl()}${alertPath(alert.accountEmail)}`,
  };
}
