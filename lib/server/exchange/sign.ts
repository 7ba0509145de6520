import 'server-only';
import { createHmac, createPrivateKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { ExchangeSigner, RequestParams } from './types';
import { ExchangeError } from './types';

// Binance signs the percent-encoded payload exactly as sent (UTF-8, e.g. "１２３" → %EF%BC%91…), so the same
// encoder builds both the signed payload and the query string. Insertion order is kept: the server verifies the
// string it received, not a canonical ordering.
export function encodeParams(params: RequestParams): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

// Parsing a PEM on every request is wasteful; a WeakMap lets the key object die with the signer.
const keyCache = new WeakMap<ExchangeSigner, KeyObject>();

function privateKeyFor(signer: Extract<ExchangeSigner, { privateKeyPem: string }>): KeyObject {
  const cached = keyCache.get(signer);
  if (cached) return cached;
  let key: KeyObject;
  try {
    key = createPrivateKey(signer.privateKeyPem);
  } catch {
    throw new ExchangeError({ code: 'BAD_CREDENTIALS', message: `the stored ${signer.type} private key could not be read — re-enter it` });
  }
  const expected = signer.type === 'ED25519' ? 'ed25519' : 'rsa';
  if (key.asymmetricKeyType !== expected) {
    throw new ExchangeError({ code: 'BAD_CREDENTIALS', message: `the stored private key is not an ${signer.type} key — re-enter it` });
  }
  keyCache.set(signer, key);
  return key;
}

// The raw signature: HMAC-SHA256 as hex; Ed25519 and RSA (PKCS#1 v1.5, SHA-256) as base64.
export function signPayload(signer: ExchangeSigner, payload: string): string {
  switch (signer.type) {
    case 'HMAC':
      return createHmac('sha256', signer.secret).update(payload).digest('hex');
    case 'ED25519':
      return cryptoSign(null, Buffer.from(payload), privateKeyFor(signer)).toString('base64');
    case 'RSA':
      return cryptoSign('sha256', Buffer.from(payload), privateKeyFor(signer)).toString('base64');
  }
}

export type SignedQuery = { payload: string; signature: string; query: string };

// `timestamp` then `recvWindow` are appended after the caller's parameters (the order the official SDKs use).
// The base64 signatures contain + / = and must be percent-encoded in the query; hex is unchanged by it.
export function buildSignedQuery(
  params: RequestParams,
  signer: ExchangeSigner,
  timing: { timestamp: number; recvWindow: number },
): SignedQuery {
  const payload = encodeParams({ ...params, timestamp: timing.timestamp, recvWindow: timing.recvWindow });
  const signature = signPayload(signer, payload);
  return { payload, signature, query: `${payload}&signature=${encodeURIComponent(signature)}` };
}
