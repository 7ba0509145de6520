import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('defaults to demo mode with no exchange configured', () => {
    const env = parseEnv({});
    expect(env.demo).toBe(true);
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('.data');
  });

  it('names the variable and what it expects on a bad value', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT: expected/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: expected a postgres:\/\//);
    expect(() => parseEnv({ MARGINWATCH_SECRET_KEY: 'short' })).toThrow(/MARGINWATCH_SECRET_KEY: expected 32 random bytes/);
  });

  it('requires the secrets outside demo mode', () => {
    try {
      parseEnv({ MARGINWATCH_EXCHANGE_URL: 'https://api.binance.com' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      const problems = (e as EnvError).problems.join('\n');
      expect(problems).toContain('AUTH_SECRET: expected required outside demo mode');
      expect(problems).toContain('MARGINWATCH_SECRET_KEY: expected required outside demo mode');
    }
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
