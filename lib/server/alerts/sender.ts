import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Outbound } from '@/lib/alerts/payloads';
import { getDb, type Db } from '../db/client';
import { alertAttempts, alertChannels, alertDeliveries, alerts } from '../db/schema';
import { configOf } from './channels';
import { digestMessage, formDigests } from './digests';
import { messageOf } from './message';
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
  send?: (config: ChannelConfig, message: Outbound) => Promise<SendResult>;
  /** The clock (tests move it to a quiet window's end instead of waiting). */
  now?: () => Date;
};

const INSTANCE = `alerts-${randomUUID()}`;

export function backoffMs(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}


/**
 * Takes one due delivery under a lease. The conditional update is atomic on PostgreSQL (a second instance
 * re-checks the lease after the first commits), so two instances never both hold it.
 */
async function claim(db: Db, id: string, owner: string, leaseMs: number, now: Date) {
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
  const clock = options.now ?? (() => new Date());
  await formDigests(db, clock());
  const due = await db.select({ id: alertDeliveries.id }).from(alertDeliveries)
    .where(and(eq(alertDeliveries.status, 'pending'), lte(alertDeliveries.nextAttemptAt, clock()), or(isNull(alertDeliveries.leaseUntil), lt(alertDeliveries.leaseUntil, clock()))))
    .orderBy(asc(alertDeliveries.nextAttemptAt)).limit(50);
  let attempted = 0;
  for (const { id } of due) {
    const delivery = await claim(db, id, owner, leaseMs, clock());
    if (!delivery) continue;
    attempted++;
    const [channel] = await db.select().from(alertChannels).where(eq(alertChannels.id, delivery.channelId));
    const [alert] = delivery.alertId ? await db.select().from(alerts).where(eq(alerts.id, delivery.alertId)) : [];
    const message = !channel ? null : delivery.alertId ? (alert ? messageOf(alert) : null) : await digestMessage(db, delivery.id, channel);
    const started = Date.now();
    let result: SendResult;
    if (!message || !channel) result = { ok: false, statusCode: null, error: 'the alert or its channel no longer exists' };
    else {
      try {
        result = await sendOne(configOf(channel), message);
      } catch (error) {
        result = { ok: false, statusCode: null, error: errorText(error) };
      }
    }
    await record(db, delivery, owner, result, Date.now() - started, backoffMs(delivery.attempts + 1, base, max), clock());
  }
  return attempted;
}

async function record(db: Db, delivery: typeof alertDeliveries.$inferSelect, owner: string, result: SendResult, durationMs: number, retryInMs: number, now: Date) {
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

/** Deliveries still waiting and alerts held for a digest, per channel ("3 waiting", "2 held for the digest"). */
export async function pendingByChannel(db: Db, channelIds: string[]) {
  const out = new Map<string, { pending: number; held: number }>();
  if (!channelIds.length) return out;
  const rows = await db.select({ channelId: alertDeliveries.channelId, status: alertDeliveries.status, n: sql<number>`count(*)::int` }).from(alertDeliveries)
    .where(and(inArray(alertDeliveries.status, ['pending', 'held']), inArray(alertDeliveries.channelId, channelIds))).groupBy(alertDeliveries.channelId, alertDeliveries.status);
  for (const r of rows) {
    const counts = out.get(r.channelId) ?? { pending: 0, held: 0 };
    counts[r.status === 'held' ? 'held' : 'pending'] = Number(r.n);
    out.set(r.channelId, counts);
  }
  return out;
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
