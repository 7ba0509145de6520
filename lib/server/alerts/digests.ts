import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, lte } from 'drizzle-orm';
import { describeQuietHours } from '@/lib/alerts/quiet-hours';
import type { DigestMessage } from '@/lib/alerts/payloads';
import type { Db } from '../db/client';
import { alertChannels, alertDeliveries, alerts } from '../db/schema';
import { publicUrl } from './public-url';
import { messageOf } from './message';

/**
 * When a channel's quiet window has ended, its held alerts become one digest (docs/alerts.md#quiet-hours): a
 * delivery row of its own, sent by the same sender under the same lease, its id the idempotency key. The held
 * rows are claimed by one conditional update in the digest's transaction: on PostgreSQL a second instance doing
 * the same waits for the first, finds none still held, and drops its empty digest; each alert is in one digest.
 */
export async function formDigests(db: Db, now: Date): Promise<number> {
  const due = await db.selectDistinct({ channelId: alertDeliveries.channelId }).from(alertDeliveries)
    .where(and(eq(alertDeliveries.status, 'held'), lte(alertDeliveries.heldUntil, now)));
  let formed = 0;
  for (const { channelId } of due) {
    const id = randomUUID();
    const held = await db.transaction(async (tx) => {
      await tx.insert(alertDeliveries).values({ id, alertId: null, channelId, nextAttemptAt: now });
      const claimed = await tx.update(alertDeliveries).set({ status: 'digested', digestId: id })
        .where(and(eq(alertDeliveries.channelId, channelId), eq(alertDeliveries.status, 'held'), lte(alertDeliveries.heldUntil, now)))
        .returning({ id: alertDeliveries.id });
      if (claimed.length === 0) await tx.delete(alertDeliveries).where(eq(alertDeliveries.id, id));
      return claimed.length;
    });
    if (held > 0) formed++;
  }
  return formed;
}

/** The digest's message: its alerts in the order they were raised, and the window they were held in. */
export async function digestMessage(db: Db, digestId: string, channel: typeof alertChannels.$inferSelect): Promise<DigestMessage | null> {
  const rows = await db.select({ alert: alerts, heldUntil: alertDeliveries.heldUntil }).from(alertDeliveries)
    .innerJoin(alerts, eq(alerts.id, alertDeliveries.alertId))
    .where(eq(alertDeliveries.digestId, digestId)).orderBy(asc(alerts.raisedAt), asc(alerts.id));
  if (rows.length === 0) return null;
  const windowEnd = Math.max(...rows.map((r) => r.heldUntil?.getTime() ?? 0));
  return {
    id: digestId,
    quietHours: channel.quietHours ? describeQuietHours(channel.quietHours) : null,
    windowEnd: new Date(windowEnd).toISOString(),
    alerts: rows.map((r) => messageOf(r.alert)),
    link: `${publicUrl()}/alerts`,
  };
}
