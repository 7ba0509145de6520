import { describe, expect, it } from 'vitest';
import { findNul, hasValidEscapes, isPlausibleDate } from './input';
import { exchangeUrlProblem } from './exchange-url';

describe('bad input, judged before any schema (docs/security.md, "Bad input")', () => {
  it('finds a NUL character anywhere and names where', () => {
    expect(findNul({ body: 'fine', nested: [{ x: 'a\u0000b' }] })).toBe('nested.0.x');
    expect(findNul({ ['k\u0000']: 1 })).toBe('a field name');
    expect(findNul('\u0000')).toBe('the value');
    expect(findNul({ body: 'no nul here', n: 3, b: null })).toBeNull();
  });

  it('tells a malformed %-escape from a good one', () => {
    expect(hasValidEscapes('/api/accounts/desk-alpha%40fundx.example')).toBe(true);
    expect(hasValidEscapes('/api/accounts/%E0%A4%A')).toBe(false);
    expect(hasValidEscapes('/api/accounts/%zz')).toBe(false);
  });

  it('accepts dates a person can mean, refuses year 0 and the far future', () => {
    expect(isPlausibleDate('2025-01-01')).toBe(true);
    expect(isPlausibleDate('0000-01-01')).toBe(false);
    expect(isPlausibleDate(new Date('2101-01-01'))).toBe(false);
    expect(isPlausibleDate(new Date(Number.NaN))).toBe(false);
  });
});

describe("a connection's base URL", () => {
  const demo = { demo: true, allowPrivate: false };
  const prod = { demo: false, allowPrivate: false };
  it('must be https', () => {
    expect(exchangeUrlProblem('https://api.binance.com', prod)).toBeNull();
    expect(exchangeUrlProblem('http://api.binance.com', prod)).toMatch(/https/);
  });
  it('may be the demo simulator on loopback only in demo mode', () => {
    expect(exchangeUrlProblem('http://127.0.0.1:4100', demo)).toBeNull();
    expect(exchangeUrlProblem('http://localhost:4100', prod)).toMatch(/loopback/);
    expect(exchangeUrlProblem('https://[::1]:4100', prod)).toMatch(/loopback/);
  });
  it.each(['https://10.1.2.3', 'https://172.20.0.1', 'https://192.168.1.1', 'https://169.254.169.254', 'https://100.64.0.1', 'https://[fd00::1]', 'https://[fe80::1]', 'https://exchange.internal', 'https://intranet', 'https://[::ffff:10.0.0.1]'])(
    '%s needs MARGINWATCH_ALLOW_PRIVATE_EXCHANGE',
    (url) => {
      expect(exchangeUrlProblem(url, prod)).toMatch(/MARGINWATCH_ALLOW_PRIVATE_EXCHANGE/);
      expect(exchangeUrlProblem(url, { demo: false, allowPrivate: true })).toBeNull();
    },
  );
});
