import 'server-only';
import { createPrivateKey } from 'node:crypto';
import type { SignerType } from '@/lib/contracts/connections';
import { badRequest } from '@/lib/server/api/errors';
import type { ExchangeSigner } from '@/lib/server/exchange';

/**
 * Builds the signer from what the owner typed, refusing a PEM that does not parse or is the wrong kind of
 * key before anything is sent. The error never repeats the secret.
 */
export function toSigner(type: SignerType, secret: string): ExchangeSigner {
  if (type === 'HMAC') {
    if (secret.includes('-----BEGIN')) throw badRequest('This is a PEM private key: choose Ed25519 or RSA as the signer type.');
    return { type: 'HMAC', secret };
  }
  let keyType: string | undefined;
  try {
    keyType = createPrivateKey(secret).asymmetricKeyType;
  } catch {
    throw badRequest(`The ${type === 'ED25519' ? 'Ed25519' : 'RSA'} private key could not be read: paste the whole PEM, from -----BEGIN PRIVATE KEY----- to the END line.`);
  }
  const expected = type === 'ED25519' ? 'ed25519' : 'rsa';
  if (keyType !== expected) throw badRequest(`This private key is ${keyType ?? 'of an unknown type'}, not ${expected === 'rsa' ? 'RSA' : 'Ed25519'}: pick the matching signer type.`);
  return { type, privateKeyPem: secret };
}

/** The plaintext that gets sealed: the HMAC secret or the PEM. */
export function secretOf(signer: ExchangeSigner): string {
  return signer.type === 'HMAC' ? signer.secret : signer.privateKeyPem;
}

export function mask(apiKey: string): string {
  return `••••${apiKey.slice(-4)}`;
}
