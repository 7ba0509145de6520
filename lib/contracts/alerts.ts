/**
 * The alerts feature's wire contract (docs/alerts.md): what the routes answer, the request bodies they take,
 * the query keys the UI caches under. Imported by the routes, the read model and the components alike.
 */
import { z } from 'zod';
import { CONDITION_KINDS, type AlertRule, type ConditionKind } from '@/lib/alerts/types';

export { alertRuleInputSchema, type AlertRuleInput } from '@/lib/alerts/rule-schema';
export { channelInputSchema, type ChannelInput } from '@/lib/alerts/channel-schema';
import { quietHoursSchema, type QuietHours } from '@/lib/alerts/quiet-hours';
export type { QuietHours };

/** PUT /api/alerts/channels/:id/quiet-hours: the window, or null to send everything at once again. */
export const quietHoursBodySchema = z.object({ quietHours: quietHoursSchema.nullable() });

export interface AlertView {
  id: string;
  kind: ConditionKind;
  kindLabel: string;
  account: string | null;
  transition: 'fire' | 'escalate' | 'test';
  level: number;
  title: string;
  condition: string;
  figures: Record<string, string | number | null>;
  raisedAt: string;
  /** The account page with the triggering figures, or the inbox for a desk-level alert. */
  link: string;
  acknowledged: { at: string; by: string; note: string } | null;
  /**
   * Per channel. `held`: kept for the channel's digest until `heldUntil` (its quiet hours); `inDigest`: sent, or
   * waiting to be sent, as part of a digest (its status and attempts are the digest's).
   */
  deliveries: { channel: string; status: 'pending' | 'sent' | 'held'; attempts: number; lastError: string | null; heldUntil: string | null; inDigest: boolean }[];
}

export interface AlertsResponse {
  alerts: AlertView[];
  /** Unacknowledged alerts in all, whatever the filter. */
  open: number;
  /** Alerts matching the filter (the list holds at most ALERTS_PAGE_SIZE). */
  matching: number;
}

export const ALERTS_PAGE_SIZE = 200;

export const alertFiltersSchema = z.object({
  state: z.enum(['open', 'acknowledged', 'all']).default('open'),
  kind: z.enum([...CONDITION_KINDS, 'all']).default('all'),
  account: z.string().trim().max(200).default(''),
});
export type AlertFilters = z.infer<typeof alertFiltersSchema>;
export const INITIAL_ALERT_FILTERS: AlertFilters = { state: 'open', kind: 'all', account: '' };

export const alertsQueryKey = (f: AlertFilters) => ['alerts', 'list', f] as const;
export const alertCountQueryKey = ['alerts', 'count'] as const;
export const alertRulesQueryKey = ['alerts', 'rules'] as const;
export const alertChannelsQueryKey = ['alerts', 'channels'] as const;

export function alertSearchParams(f: AlertFilters): URLSearchParams {
  const p = new URLSearchParams({ state: f.state, kind: f.kind });
  if (f.account) p.set('account', f.account);
  return p;
}

export const ackBodySchema = z.object({ note: z.string().trim().min(1, 'a note is required: say what was done or why it is fine').max(1000) });

export interface AlertCount {
  open: number;
}

export type RuleView = AlertRule & {
  /** One of the defaults every desk gets (possibly edited by an owner). */
  isDefault: boolean;
  /** A default an owner changed. */
  edited: boolean;
  kindLabel: string;
  condition: string;
};

export interface RulesResponse {
  rules: RuleView[];
  kinds: { kind: ConditionKind; label: string; level: 'account' | 'master' }[];
  /** The sub-accounts a rule may name, and the labels in use. */
  accounts: string[];
  labels: string[];
}

/** One attempt to send on a channel: an alert's delivery, or a test. */
export interface ChannelAttempt {
  at: string;
  ok: boolean;
  /** The receiver's HTTP status, or the SMTP server's reply code; null when nothing answered. */
  statusCode: number | null;
  error: string | null;
  test: boolean;
  alertTitle: string | null;
  /** When the sender tries again; null once it succeeded, for a test, or when a later try already went out. */
  nextAttemptAt: string | null;
}

export interface ChannelView {
  id: string;
  name: string;
  kind: 'webhook' | 'email';
  format: 'generic' | 'slack' | 'discord' | 'email';
  /** The webhook's host or the recipients; never the URL's secret part or the signing secret. */
  target: string;
  enabled: boolean;
  createdAt: string;
  lastOkAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  pending: number;
  /** Quiet hours with a daily digest; null: alerts go out as they are raised. */
  quietHours: QuietHours | null;
  /** Alerts held for the next digest. */
  held: number;
  /** The latest attempts, newest first (lib/server/alerts/history.ts). */
  history: ChannelAttempt[];
}

export interface ChannelTestResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}
