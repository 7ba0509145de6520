import 'server-only';
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { channelInputSchema, webhookUrlProblem, type ChannelInput } from '@/lib/alerts/channel-schema';
import { getEnv } from '@/lib/env';
import { loadKeyring } from '../crypto/keyring';
import { seal, unseal } from '../crypto/seal';
import type { Db } from '../db/client';
import { alertAttempts, alertChannels } from '../db/schema';
import type { AlertMessage } from '@/lib/alerts/payloads';
import type { QuietHours } from '@/lib/alerts/quiet-hours';
import { publicUrl } from './public-url';
import { send, type ChannelConfig, type SendResult } from './transports';
import { errorText } from '../log/redact';

export type ChannelRow = typeof alertChannels.$inferSelect;

export class ChannelInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

/** Plain http to loopback only where nothing real is at stake: demo mode and tests. */
export function loopbackAllowed(): boolean {
  const env = getEnv();
  return env.demo || env.NODE_ENV === 'test';
}

export async function createChannel(db: Db, raw: ChannelInput, by: string): Promise<ChannelRow> {
  const input = channelInputSchema.parse(raw);
  let config: ChannelConfig;
  let target: string;
  if (input.kind === 'webhook') {
    const problem = webhookUrlProblem(input.url, loopbackAllowed());
    if (problem) throw new ChannelInputError('url', problem);
    config = { kind: 'webhook', format: input.format, url: input.url, signingSecret: input.signingSecret };
    target = new URL(input.url).host;
  } else {
    config = { kind: 'email', to: input.to };
    target = input.to.join(', ');
  }
  const [row] = await db.insert(alertChannels).values({
    name: input.name, kind: input.kind, format: input.kind === 'email' ? 'email' : input.format, target,
    sealedConfig: seal(JSON.stringify(config), loadKeyring().current), createdBy: by,
  }).returning();
  return row!;
}

export function configOf(row: Pick<ChannelRow, 'sealedConfig'>): ChannelConfig {
  return JSON.parse(unseal(row.sealedConfig, loadKeyring().all)) as ChannelConfig;
}

/** Sets a channel's quiet hours; the old and new values for the audit, or null when there is no such channel. */
export async function setQuietHours(db: Db, id: string, quietHours: QuietHours | null) {
  const before = await channelById(db, id);
  if (!before) return null;
  await db.update(alertChannels).set({ quietHours }).where(eq(alertChannels.id, id));
  return { before: { quietHours: before.quietHours }, after: { quietHours } };
}

export async function listChannels(db: Db): Promise<ChannelRow[]> {
  return db.select().from(alertChannels).orderBy(desc(alertChannels.createdAt));
}

export async function channelById(db: Db, id: string): Promise<ChannelRow | null> {
  const [row] = await db.select().from(alertChannels).where(eq(alertChannels.id, id));
  return row ?? null;
}

/** "Send a test": straight to the channel (not through the outbox), the result kept as the channel's last one. */
export async function sendTest(db: Db, row: ChannelRow, by: string): Promise<SendResult> {
  const message: AlertMessage = {
    id: randomUUID(), kind: 'test', transition: 'test', level: 0, title: `Test from marginwatch, sent by ${by}`,
    condition: 'a test message: no rule fired', account: null, figures: {}, raisedAt: new Date().toISOString(), link: `${publicUrl()}/alerts`,
  };
  let result: SendResult;
  const started = Date.now();
  try {
    result = await send(configOf(row), message);
  } catch (error) {
    result = { ok: false, statusCode: null, error: errorText(error) };
  }
  const now = new Date();
  await db.transaction(async (tx) => {
    // In the channel's history beside the alerts' own attempts, marked as a test by having no delivery.
    await tx.insert(alertAttempts).values({ channelId: row.id, deliveryId: null, at: now, ok: result.ok, statusCode: result.statusCode, error: result.ok ? null : result.error, durationMs: Date.now() - started });
    await tx.update(alertChannels).set(result.ok ? { lastOkAt: now } : { lastError: result.error, lastErrorAt: now }).where(eq(alertChannels.id, row.id));
  });
  return result;
}
