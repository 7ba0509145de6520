import { describe, expect, it } from 'vitest';
import { ApiError, conflict } from './errors';

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
