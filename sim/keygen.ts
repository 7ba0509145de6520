import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Deterministic key material for scenario files: the same label always yields the same key, so generated
 * scenarios are reproducible and diff cleanly. Never use these for anything but the simulator.
 */
export function alnum(label: string, length = 64): string {
  let out = '';
  for (let i = 0; out.length < length; i++) {
    for (const b of createHash('sha256').update(`${label}#${i}`).digest()) {
      if (out.length < length) out += ALNUM[b % ALNUM.length];
    }
  }
  return out;
}

export function ed25519Pair(label: string): { publicKey: string; privateKey: string } {
  const seed = createHash('sha256').update(`ed25519:${label}`).digest();
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return {
    privateKey: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: createPublicKey(key).export({ format: 'pem', type: 'spki' }).toString(),
  };
}

export function hmacKey(label: string) {
  return { apiKey: alnum(`api:${label}`), secretKey: alnum(`secret:${label}`) };
}
