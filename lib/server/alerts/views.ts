import 'server-only';
import { and, count, desc, eq, ilike, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { KIND_LABELS, type ConditionKind } from '@/lib/alerts';
import { alertPath } from '@/lib/alerts/payloads';
import { ALERTS_PAGE_SIZE, type AlertFilters, type AlertsResponse, type AlertView } from '@/lib/contracts/alerts';
import type { Db } from '../db/client';
import { alertChannels, alertDeliveries, alerts } from '../db/schema';

function filterOf(f: AlertFilters): SQL | undefined {
  const parts: SQL[] = [];
  if (f.state === 'open') parts.push(isNull(alerts.acknowledgedAt));
  if (f.state === 'acknowledged') parts.push(isNotNull(alerts.acknowledgedAt));
  if (f.kind !== 'all') parts.push(eq(alerts.kind, f.kind));
  if (f.account) parts.push(ilike(alerts.accountEmail, `%${f.account.replace(/[%_\\]/g, '\\$&')}%`));
  return parts.length ? and(...parts) : undefined;
}

export async function openAlertCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(alerts).where(isNull(alerts.acknowledgedAt));
  return Number(row?.n ?? 0);
}

/** The inbox: newest first, with each alert's deliveries per channel. */
export async function listAlerts(db: Db, f: AlertFilters): Promise<AlertsResponse> {
  const where = filterOf(f);
  const [rows, [matching], open] = await Promise.all([
    db.select().from(alerts).where(where).orderBy(desc(alerts.raisedAt), desc(alerts.id)).limit(ALERTS_PAGE_SIZE),
    db.select({ n: count() }).from(alerts).where(where),
    openAlertCount(db),
  ]);
  const digest = alias(alertDeliveries, 'digest');
  const deliveries = rows.length
    ? await db.select({
      alertId: alertDeliveries.alertId, channel: alertChannels.name, status: alertDeliveries.status, attempts: alertDeliveries.attempts, lastError: alertDeliveries.lastError,
      heldUntil: alertDeliveries.heldUntil, digestStatus: digest.status, digestAttempts: digest.attempts, digestError: digest.lastError,
    })
      .from(alertDeliveries).innerJoin(alertChannels, eq(alertChannels.id, alertDeliveries.channelId))
      .leftJoin(digest, eq(digest.id, alertDeliveries.digestId))
      .where(inArray(alertDeliveries.alertId, rows.map((r) => r.id)))
    : [];
  return {
    open,
    matching: Number(matching?.n ?? 0),
    alerts: rows.map((r): AlertView => ({
      id: r.id, kind: r.kind as ConditionKind, kindLabel: KIND_LABELS[r.kind as ConditionKind] ?? r.kind, account: r.accountEmail,
      transition: r.transition, level: r.level, title: r.title, condition: r.condition, figures: r.figures,
      raisedAt: r.raisedAt.toISOString(), link: alertPath(r.accountEmail),
      acknowledged: r.acknowledgedAt ? { at: r.acknowledgedAt.toISOString(), by: r.acknowledgedBy ?? '', note: r.ackNote ?? '' } : null,
      deliveries: deliveries.filter((d) => d.alertId === r.id).map((d) => d.status === 'digested'
        ? { channel: d.channel, status: d.digestStatus === 'sent' ? 'sent' : 'pending', attempts: d.digestAttempts ?? 0, lastError: d.digestError, heldUntil: null, inDigest: true }
        : { channel: d.channel, status: d.status, attempts: d.attempts, lastError: d.lastError, heldUntil: d.heldUntil?.toISOString() ?? null, inDigest: false }),
    })),
  };
}

/** Acknowledges an open alert; null when there is no such alert or it was already acknowledged. */
export async function acknowledgeAlert(db: Db, id: string, by: string, note: string) {
  const [row] = await db.update(alerts).set({ acknowledgedAt: new Date(), acknowledgedBy: by, ackNote: note })
    .where(and(eq(alerts.id, id), isNull(alerts.acknowledgedAt))).returning();
  return row ?? null;
}
