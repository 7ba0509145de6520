import 'server-only';
import { describe, expect, it } from 'vitest';
import { SpecialKeyGuard, isSapiPath } from './special-key-guard';
import { SpecialKeyGuardError } from './types';

const special = { apiKey: 'SPECIAL-1', keyKind: 'special' as const };
const normal = { apiKey: 'NORMAL-1', keyKind: 'normal' as const };

describe('SpecialKeyGuard', () => {
  it.each([
    '/sapi/v1/margin/account',
    '/sapi/v1/margin/api-key-list',
    '/SAPI/v1/margin/account',
    '/api/../sapi/v1/margin/account',
    '/sapi',
  ])('refuses a special key on %s with a typed error', (path) => {
    const guard = new SpecialKeyGuard();
    expect(() => guard.assertMaySend(special, 'GET', path)).toThrow(SpecialKeyGuardError);
  });

  it('lets a special key use spot /api (its only purpose)', () => {
    const guard = new SpecialKeyGuard();
    expect(() => guard.assertMaySend(special, 'POST', '/api/v3/order')).not.toThrow();
  });

  it('lets a normal key use /sapi', () => {
    const guard = new SpecialKeyGuard();
    expect(() => guard.assertMaySend(normal, 'GET', '/sapi/v1/margin/account')).not.toThrow();
  });

  it('refuses a key recorded as normal once the exchange listed it as special', () => {
    const guard = new SpecialKeyGuard();
    guard.recordSpecialKey(normal.apiKey);
    expect(() => guard.assertMaySend(normal, 'GET', '/sapi/v1/margin/account')).toThrow(SpecialKeyGuardError);
    expect(guard.isSpecial({ apiKey: 'OTHER', keyKind: 'normal' })).toBe(false);
  });

  it('says what to do, and names the endpoint but not the key', () => {
    const guard = new SpecialKeyGuard();
    try {
      guard.assertMaySend(special, 'DELETE', '/sapi/v1/margin/apiKey');
      expect.unreachable();
    } catch (e) {
      const err = e as SpecialKeyGuardError;
      expect(err.code).toBe('SPECIAL_KEY_GUARD');
      expect(err.retryable).toBe(false);
      expect(err.message).toContain('DELETE /sapi/v1/margin/apiKey');
      expect(err.message).toContain('normal key');
      expect(err.message).not.toContain('SPECIAL-1');
    }
  });
});

describe('isSapiPath', () => {
  it.each([
    ['/sapi/v1/x', true],
    ['/api/v3/order', false],
    ['/sapifoo', false],
    ['/api/v3/sapi', false],
  ])('%s → %s', (path, expected) => expect(isSapiPath(path)).toBe(expected));
});
