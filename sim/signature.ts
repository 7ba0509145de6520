import { createHmac, timingSafeEqual, verify } from 'node:crypto';
import type { ApiKey } from './state';

/**
 * Binance signs "the query string concatenated with the request body", without a separator, as sent on the
 * wire (percent-encoded). We verify against the raw bytes received, minus the `signature` parameter itself,
 * so any client that signs something other than what it sends fails with -1022, as on Binance.
 */
export function extractSignature(rawQuery: string, rawBody: string): { payload: string; signature?: string } {
  const q = strip(rawQuery);
  const b = strip(rawBody);
  return { payload: q.rest + b.rest, signature: q.signature ?? b.signature };
}

function strip(raw: string): { rest: string; signature?: string } {
  if (!raw) return { rest: '' };
  let signature: string | undefined;
  const kept = raw.split('&').filter((part) => {
    if (part.startsWith('signature=')) {
      signature = part.slice('signature='.length);
      return false;
    }
    return true;
  });
  return { rest: kept.join('&'), signature };
}

export function hmacHex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

/** HMAC signatures are hex and case-insensitive; Ed25519 and RSA signatures are base64, percent-encoded. */
export function verifySignature(key: ApiKey, payload: string, encodedSignature: string): boolean {
  let signature: string;
  try {
    signature = decodeURIComponent(encodedSignature);
  } catch {
    return false;
  }
  if (key.algorithm === 'HMAC_SHA256') {
    if (!key.secretKey || !/^[0-9a-fA-F]{64}$/.test(signature)) return false;
    const expected = Buffer.from(hmacHex(key.secretKey, payload), 'hex');
    return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
  }
  if (!key.publicKey) return false;
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length === 0) return false;
  try {
    // Ed25519 takes no digest; RSA keys sign with RSASSA-PKCS1-v1_5 over SHA-256.
    return verify(key.algorithm === 'Ed25519' ? null : 'sha256', Buffer.from(payload), key.publicKey, bytes);
  } catch {
    return false;
  }
}
