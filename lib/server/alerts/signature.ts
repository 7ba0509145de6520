import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signature (docs/alerts.md#webhooks): `X-Marginwatch-Signature: v1=<hex HMAC-SHA256 of
 * "<timestamp>.<raw body>">` with `X-Marginwatch-Timestamp: <unix seconds>`. The timestamp is signed, so a
 * receiver that refuses old timestamps refuses a replayed request.
 */
export const SIGNATURE_HEADER = 'x-marginwatch-signature';
export const TIMESTAMP_HEADER = 'x-marginwatch-timestamp';
export const REPLAY_TOLERANCE_SECONDS = 300;

export function signBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: the signature matches and the timestamp is recent. */
export function verifySignature(secret: string, headers: { signature: string | null; timestamp: string | null }, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  if (!headers.signature || !headers.timestamp || !/^\d+$/.test(headers.timestamp)) return false;
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > REPLAY_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
