import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { alertPath, type AlertMessage } from '@/lib/alerts/payloads';
import { getDb, type Db } from '../db/client';
import { alertAttempts, alertChannels, alertDeliveries, alerts } from '../db/schema';
import { configOf } from './channels';
import { publicUrl } from './public-url';
import { send as defaultSend, type ChannelConfig, type SendResult } from './transports';
import { onWake } from './wake';
import { logger } from '../log/logger';
import { errorText } from '../log/redact';

export type SenderOptions = {
  /** This instance's name on the leases it takes. */
  owner?: string;
  leaseMs?: number;
  /** First retry after this long, doubling per failed attempt up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  send?: (config: ChannelConfig, message: AlertMessage) => Promise<SendResult>;
};

const INSTANCE = `alerts-${randomUUID()}`;

export function backoffMs(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}


export function messageOf(alert: typeof alerts.$inferSelect): AlertMessage {
  return {
    id: alert.id, kind: alert.kind, transition: alert.transition, level: alert.level, title: alert.title, condition: alert.condition,
    account: alert.accountEmail, figures: alert.figures, raisedAt: alert.raisedAt.toISOString(), link: `${publicUrl()}${alertPath(alert.accountEmail)}`,
  };
}

/**
 * Takes one due delivery under a lease. The conditional update is atomic on PostgreSQL (a second instance
 * re-checks the lease after the first commits), so two instances never both hold it.
 */
async function claim(db: Db, id: string, owner: string, leaseMs: number) {
  const now = new Date();
  const [row] = await db.update(alertDeliveries)
    .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(and(eq(alertDeliveries.id, id), eq(alertDeliveries.status, 'pending'), lte(alertDeliveries.nextAttemptAt, now),
      or(isNull(alertDeliveries.leaseUntil), lt(alertDeliveries.leaseUntil, now))))
    .returning();
  return row ?? null;
}

/**
 * One pass of the sender: every due delivery (pending, its retry time reached, no live lease) is sent once,
 * each attempt recorded. Returns how many were attempted. Safe to run on several instances at once.
 */
export async function sendDue(db: Db, options: SenderOptions = {}): Promise<number> {
  const owner = options.owner ?? INSTANCE;
  const leaseMs = options.leaseMs ?? 30_000;
  const base = options.baseBackoffMs ?? 2_000;
  const max = options.maxBackoffMs ?? 10 * 60_000;
  const sendOne = options.send ?? defaultSend;
  const due = await db.select({ id: alertDeliveries.id }).from(alertDeliveries)
    .where(and(eq(alertDeliveries.status, 'pending'), lte(alertDeliveries.nextAttemptAt, new Date()), or(isNull(alertDeliveries.leaseUntil), lt(alertDeliveries.leaseUntil, new Date()))))
    .orderBy(asc(alertDeliveries.nextAttemptAt)).limit(50);
  let attempted = 0;
  for (const { id } of due) {
    const delivery = await claim(db, id, owner, leaseMs);
    if (!delivery) continue;
    attempted++;
    const [alert] = await db.select().from(alerts).where(eq(alerts.id, delivery.alertId));
    const [channel] = await db.select().from(alertChannels).where(eq(alertChannels.id, delivery.channelId));
    const started = Date.now();
    let result: SendResult;
    if (!alert || !channel) result = { ok: false, statusCode: null, error: 'the alert or its channel no longer exists' };
    else {
      try {
        result = await sendOne(configOf(channel), messageOf(alert));
      } catch (error) {
        result = { ok: false, statusCode: null, error: errorText(error) };
      }
    }
    await record(db, delivery, owner, result, Date.now() - started, backoffMs(delivery.attempts + 1, base, max));
  }
  return attempted;
}

async function record(db: Db, delivery: typeof alertDeliveries.$inferSelect, owner: string, result: SendResult, durationMs: number, retryInMs: number) {
  const now = new Date();
  const nextAttemptAt = result.ok ? null : new Date(now.getTime() + retryInMs);
  await db.transaction(async (tx) => {
    await tx.insert(alertAttempts).values({ deliveryId: delivery.id, channelId: delivery.channelId, ok: result.ok, statusCode: result.statusCode, error: result.ok ? null : result.error, durationMs, nextAttemptAt });
    const mine = and(eq(alertDeliveries.id, delivery.id), eq(alertDeliveries.leaseOwner, owner));
    await tx.update(alertDeliveries).set(result.ok
      ? { status: 'sent', sentAt: now, attempts: delivery.attempts + 1, leaseOwner: null, leaseUntil: null, lastError: null }
      : { attempts: delivery.attempts + 1, nextAttemptAt: nextAttemptAt!, leaseOwner: null, leaseUntil: null, lastError: result.error }).where(mine);
    await tx.update(alertChannels).set(result.ok ? { lastOkAt: now } : { lastError: result.error, lastErrorAt: now }).where(eq(alertChannels.id, delivery.channelId));
  });
}

/** Deliveries still waiting, for the channel list ("3 waiting, next try 12:01"). */
export async function pendingByChannel(db: Db, channelIds: string[]) {
  if (!channelIds.length) return new Map<string, number>();
  const rows = await db.select({ channelId: alertDeliveries.channelId, n: sql<number>`count(*)::int` }).from(alertDeliveries)
    .where(and(eq(alertDeliveries.status, 'pending'), inArray(alertDeliveries.channelId, channelIds))).groupBy(alertDeliveries.channelId);
  return new Map(rows.map((r) => [r.channelId, Number(r.n)]));
}

const holder = globalThis as typeof globalThis & { __marginwatchAlertSender?: NodeJS.Timeout };

/** Sends due alerts every 2 s and at once when a refresh raises some; a pass never overlaps the last. */
export function startAlertSender(): void {
  if (holder.__marginwatchAlertSender) return;
  let running = false;
  let again = false;
  const tick = () => {
    if (running) { again = true; return; }
    running = true;
    getDb().then((db) => sendDue(db))
      .catch((error) => logger('alerts').error({ err: error }, 'sender pass failed'))
      .finally(() => { running = false; if (again) { again = false; tick(); } });
  };
  holder.__marginwatchAlertSender = setInterval(tick, 2_000);
  onWake(tick);
  tick();
}
