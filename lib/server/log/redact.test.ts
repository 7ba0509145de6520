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
  });
});
