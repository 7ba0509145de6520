import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, sealedKeyId, sealingKeyFrom, unseal } from './seal';

const keyA = sealingKeyFrom(randomBytes(32));
const keyB = sealingKeyFrom(randomBytes(32));

describe('seal / unseal', () => {
  it('round-trips, with a fresh IV every time', () => {
    const secret = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
    const a = seal(secret, keyA);
    const b = seal(secret, keyA);
    expect(a).not.toBe(b);
    expect(a.startsWith(`v1:${keyA.id}:`)).toBe(true);
    expect(a).not.toContain(secret);
    expect(unseal(a, [keyA])).toBe(secret);
    expect(unseal(b, [keyB, keyA])).toBe(secret);
  });

  it('rejects a tampered ciphertext', () => {
    const sealed = seal('secret', keyA);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 0x01;
    parts[3] = body.toString('base64url');
    expect(() => unseal(parts.join(':'), [keyA])).toThrow(/failed authentication/);
  });

  it('rejects a value relabelled to another key id', () => {
    const parts = seal('secret', keyA).split(':');
    parts[1] = keyB.id;
    expect(() => unseal(parts.join(':'), [keyA, keyB])).toThrow(/failed authentication/);
  });

  it('rejects the wrong key', () => {
    expect(() => unseal(seal('secret', keyA), [keyB])).toThrow(/not configured/);
  });

  it('rejects values that are not sealed', () => {
    expect(() => unseal('plaintext', [keyA])).toThrow(/v1 format/);
    expect(() => sealedKeyId('plaintext')).toThrow(/v1 format/);
  });
});
