import 'server-only';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { ChannelAttempt } from '@/lib/contracts/alerts';
import type { Db } from '../db/client';
import { alertAttempts, alertDeliveries, alerts } from '../db/schema';

/** How many of a channel's latest attempts the settings page shows. */
export const HISTORY_SIZE = 10;

/** Each channel's latest attempts, newest first: alerts' deliveries and tests, with the outcome and the next try. */
export async function historyByChannel(db: Db, channelIds: string[]): Promise<Map<string, ChannelAttempt[]>> {
  const out = new Map<string, ChannelAttempt[]>();
  if (!channelIds.length) return out;
  const ranked = db.$with('ranked').as(db.select({
    channelId: alertAttempts.channelId, deliveryId: alertAttempts.deliveryId, at: alertAttempts.at, ok: alertAttempts.ok, statusCode: alertAttempts.statusCode,
    error: alertAttempts.error, nextAttemptAt: alertAttempts.nextAttemptAt,
    n: sql<number>`row_number() over (partition by ${alertAttempts.channelId} order by ${alertAttempts.at} desc, ${alertAttempts.id} desc)`.as('n'),
  }).from(alertAttempts).where(inArray(alertAttempts.channelId, channelIds)));
  const rows = await db.with(ranked).select({
    channelId: ranked.channelId, at: ranked.at, ok: ranked.ok, statusCode: ranked.statusCode, error: ranked.error, nextAttemptAt: ranked.nextAttemptAt,
    deliveryId: ranked.deliveryId, title: alerts.title, sentAt: alertDeliveries.sentAt,
    // A digest's delivery has no alert of its own: the alerts it carries point at it.
    digestOf: sql<number>`(select count(*)::int from alert_deliveries d where d.digest_id = ${ranked.deliveryId})`,
  }).from(ranked)
    .leftJoin(alertDeliveries, eq(alertDeliveries.id, ranked.deliveryId))
    .leftJoin(alerts, eq(alerts.id, alertDeliveries.alertId))
    .where(sql`${ranked.n} <= ${HISTORY_SIZE}`)
    .orderBy(desc(ranked.at));
  for (const r of rows) {
    const list = out.get(r.channelId!) ?? [];
    list.push({
      at: r.at.toISOString(), ok: r.ok, statusCode: r.statusCode, error: r.error, test: r.deliveryId === null,
      alertTitle: r.title ?? (Number(r.digestOf) > 0 ? `Digest of ${r.digestOf} alert${Number(r.digestOf) === 1 ? '' : 's'} held during quiet hours` : null),
      // A failed attempt's retry is only still ahead while its delivery has not gone out since.
      nextAttemptAt: !r.ok && r.nextAttemptAt && !r.sentAt ? r.nextAttemptAt.toISOString() : null,
    });
    out.set(r.channelId!, list);
  }
  return out;
}
