import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM sealing of exchange secrets. Format: `v1:<keyId>:<iv>:<ciphertext+tag>` (base64url parts).
 * The key id lets a rotation find the key that sealed a value, and lets a wrong key fail loudly
 * instead of producing an authentication error that looks like tampering.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealingKey {
  id: string;
  key: Buffer;
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

export function sealingKeyFrom(raw: Buffer): SealingKey {
  if (raw.length !== 32) throw new SealError('a sealing key must be 32 bytes');
  return { id: createHash('sha256').update(raw).digest('hex').slice(0, 8), key: raw };
}

export function seal(plaintext: string, key: SealingKey): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  // The key id is authenticated too, so a value cannot be relabelled to another key.
  cipher.setAAD(Buffer.from(`${VERSION}:${key.id}`));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, key.id, iv.toString('base64url'), body.toString('base64url')].join(':');
}

export function sealedKeyId(sealed: string): string {
  const [version, keyId] = sealed.split(':');
  if (version !== VERSION || !keyId) throw new SealError('not a sealed value (expected the v1 format)');
  return keyId;
}

export function unseal(sealed: string, keys: readonly SealingKey[]): string {
  const parts = sealed.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SealError('not a sealed value (expected the v1 format)');
  const [, keyId, ivPart, bodyPart] = parts as [string, string, string, string];
  const key = keys.find((k) => k.id === keyId);
  if (!key) throw new SealError(`sealed with key ${keyId}, which is not configured`);
  const iv = Buffer.from(ivPart, 'base64url');
  const body = Buffer.from(bodyPart, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new SealError('sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key.key, iv);
  decipher.setAAD(Buffer.from(`${VERSION}:${keyId}`));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError('sealed value failed authentication (tampered or wrong key)');
  }
}
