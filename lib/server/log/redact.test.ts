import { describe, expect, it } from 'vitest';
import { REDACTED, scrub, scrubText } from './redact';

describe('scrub', () => {
  it.each([
    ['a secret field at any depth', { a: { b: [{ secretKey: 's1', apiKey: 'k1', name: 'n' }] } }, { a: { b: [{ secretKey: REDACTED, apiKey: REDACTED, name: 'n' }] } }],
    ['fields named like secrets, whatever their prefix', { sessionToken: 't', passwordHash: 'h', sealedSecret: 'x', authorization: 'Bearer y', count: 3 }, { sessionToken: REDACTED, passwordHash: REDACTED, sealedSecret: REDACTED, authorization: REDACTED, count: 3 }],
    ['SQL parameters in a message', 'Failed query: select $1\nparams: hunter2,abc', 'Failed query: select $1\nparams: [redacted]'],
    ['a connection URL password', 'smtps://alerts:hunter2@mail.example:465', `smtps://alerts:${REDACTED}@mail.example:465`],
  ])('%s', (_, input, expected) => {
    expect(scrub(input)).toEqual(expected);
  });

  it('an error becomes a plain object whose message, stack and cause hold no parameter', () => {
    const cause = Object.assign(new Error('invalid input syntax for type integer: "hunter2"'), { code: '22P02' });
    const error = new Error('Failed query: select $1::int\nparams: hunter2', { cause });
    const out = scrub({ err: error }) as { err: Record<string, unknown> };
    expect(JSON.stringify(out)).not.toContain('hunter2');
    expect(out.err).toMatchObject({ type: 'Error', message: 'Failed query: select $1::int\nparams: [redacted]', cause: { code: '22P02', message: `invalid input syntax for type integer: "${REDACTED}"` } });
    expect(out.err.stack).toMatch(/\n {4}at /);
  });

  it('leaves ordinary text alone', () => {
    expect(scrubText('refresh ok: 13 accounts, 0 stale')).toBe('refresh ok: 13 accounts, 0 stale');
    const kept = 'run 3f2a9c1e-7b4d-4e0a-9c11-2d5e8f7a6b90 GET /sapi/v1/sub-account/margin/account at 2026-12-01T18:15:16.112Z: IP banned until 1764612345678, ECONNREFUSED 127.0.0.1:4100';
    expect(scrubText(kept)).toBe(kept);
  });

  const apiKey = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
  it.each([
    ['a signed query string', `GET /sapi/v1/margin/account?recvWindow=5000&timestamp=1764612345678&signature=3c9f0a${'e'.repeat(58)} refused`, `GET /sapi/v1/margin/account?${REDACTED} refused`],
    ['a query without its ?', `bad request timestamp=1&apiKey=abc&signature=ff00`, `bad request ${REDACTED}`],
    ['an API key header and fields', `X-MBX-APIKEY: abc123 (apiKey=abc123) "secretKey":"s3cr3t"`, `X-MBX-APIKEY: ${REDACTED} (apiKey=${REDACTED}) "secretKey":"${REDACTED}"`],
    ['a bare API key', `key ${apiKey} refused`, `key ${REDACTED} refused`],
    ['a bare base64 sealing key', 'key q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA= rejected', `key ${REDACTED} rejected`],
    ['a URL with a signed query', `fetch failed: https://api.binance.com/sapi/v1/margin/apiKey?apiName=x&timestamp=1&signature=${'a1'.repeat(32)}`, `fetch failed: https://api.binance.com/sapi/v1/margin/apiKey?${REDACTED}`],
  ])('stored or logged text: %s is replaced', (_, input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });
});
