import { describe, expect, it } from 'vitest';
import { ExchangeError, SpecialKeyGuardError } from '../exchange/types';
import { RefreshBusyError } from '../refresh/errors';
import { ShockNotOnGridError } from '../views/errors';
import { ApiError, conflict, toApiError } from './errors';

describe('ApiError.is', () => {
  it('recognises its own errors', () => {
    expect(ApiError.is(conflict('busy'))).toBe(true);
  });

  it('recognises an ApiError built by another copy of the module (another Next bundle)', () => {
    const fromOtherBundle = Object.assign(new Error('finished'), { [Symbol.for('marginwatch.ApiError')]: true, status: 409, code: 'conflict' });
    expect(fromOtherBundle instanceof ApiError).toBe(false);
    expect(ApiError.is(fromOtherBundle)).toBe(true);
  });

  it('does not take other errors for one', () => {
    for (const other of [new Error('x'), { status: 409, message: 'x' }, null, 'x']) expect(ApiError.is(other)).toBe(false);
  });
});

describe('toApiError: every error mapped to HTTP in one place', () => {
  it('keeps an ApiError as thrown', () => {
    const e = conflict('busy');
    expect(toApiError(e)).toBe(e);
  });

  it('maps the domain’s typed errors by kind', () => {
    const cases: [unknown, number, string][] = [
      [new SpecialKeyGuardError('/sapi/v1/margin/account'), 409, 'key_guard'],
      [new ExchangeError({ code: -2015, message: 'invalid API key, IP or permission' }), 502, 'exchange_refused'],
      [new RefreshBusyError('run-1'), 409, 'conflict'],
      [new ShockNotOnGridError(-0.23, [-0.25, -0.2]), 400, 'bad_request'],
    ];
    for (const [error, status, code] of cases) {
      const mapped = toApiError(error);
      expect([mapped?.status, mapped?.code]).toEqual([status, code]);
      expect(mapped?.message).toContain((error as Error).message);
    }
  });

  it('leaves the unexpected unmapped (a 500 with a reference only)', () => {
    expect(toApiError(new Error('boom'))).toBeNull();
    expect(toApiError('boom')).toBeNull();
  });
});
