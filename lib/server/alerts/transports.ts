import 'server-only';
import nodemailer from 'nodemailer';
import { getEnv } from '@/lib/env';
import { emailText, isDigest, webhookBody, type Outbound, type WebhookFormat } from '@/lib/alerts/payloads';
import { SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './signature';
import { errorText, scrubText } from '../log/redact';

/** A channel's sealed part, once unsealed. */
export type ChannelConfig =
  | { kind: 'webhook'; format: WebhookFormat; url: string; signingSecret: string }
  | { kind: 'email'; to: string[] };

export type SendResult = { ok: true; statusCode: number | null } | { ok: false; statusCode: number | null; error: string };

/** A receiver that hangs must not hold the delivery's lease (30 s) or the sender. */
const TIMEOUT_MS = 10_000;

async function postWebhook(config: Extract<ChannelConfig, { kind: 'webhook' }>, message: Outbound): Promise<SendResult> {
  const body = JSON.stringify(webhookBody(config.format, message));
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const res = await fetch(config.url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'marginwatch-alerts',
        'idempotency-key': message.id,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signBody(config.signingSecret, timestamp, body),
      },
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok) return { ok: true, statusCode: res.status };
    return { ok: false, statusCode: res.status, error: `the receiver answered HTTP ${res.status}` };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message);
    // The URL may carry a secret token (Slack, Discord): name the host only.
    const host = new URL(config.url).host;
    return { ok: false, statusCode: null, error: `could not reach ${host}: ${scrubText(why.split(config.url).join(host))}` };
  }
}

async function sendEmail(config: Extract<ChannelConfig, { kind: 'email' }>, message: Outbound): Promise<SendResult> {
  const env = getEnv();
  if (!env.MARGINWATCH_SMTP_URL || !env.MARGINWATCH_SMTP_FROM) {
    return { ok: false, statusCode: null, error: 'email is not configured: set MARGINWATCH_SMTP_URL and MARGINWATCH_SMTP_FROM' };
  }
  const transport = nodemailer.createTransport(env.MARGINWATCH_SMTP_URL, { connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
  try {
    const { subject, text } = emailText(message);
    await transport.sendMail({ from: env.MARGINWATCH_SMTP_FROM, to: config.to, subject, text, headers: { [isDigest(message) ? 'X-Marginwatch-Digest-Id' : 'X-Marginwatch-Alert-Id']: message.id }, messageId: `<${message.id}@marginwatch>` });
    return { ok: true, statusCode: null };
  } catch (error) {
    const e = error as Error & { responseCode?: number };
    return { ok: false, statusCode: e.responseCode ?? null, error: `the mail server refused: ${errorText(e).replace(/\s+/g, ' ').slice(0, 300)}` };
  } finally {
    transport.close();
  }
}

export function send(config: ChannelConfig, message: Outbound): Promise<SendResult> {
  return config.kind === 'webhook' ? postWebhook(config, message) : sendEmail(config, message);
}
