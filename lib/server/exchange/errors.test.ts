import 'server-only';
import { describe, expect, it } from 'vitest';
import { describeBinanceCode, errorFromBinanceBody } from './errors';

describe('Binance error codes → messages a person can act on', () => {
  it.each([
    [-1021, /clock skew/],
    [-1022, /check the secret/],
    [-2014, /format is invalid/],
    [-2015, /IP is not whitelisted/],
    [-2015, /no margin permission/],
    [-1003, /too many requests/],
  ])('%i', (code, expected) => {
    expect(describeBinanceCode(code)).toMatch(expected);
  });

  it('keeps Binance’s own message for codes it does not know', () => {
    expect(describeBinanceCode(-9999, 'Something odd.')).toBe('the exchange rejected the request (-9999: Something odd.)');
  });

  it('a 5xx without a body is a retryable server error whose outcome is unknown', () => {
    const err = errorFromBinanceBody({ endpoint: 'GET /x', httpStatus: 503, body: null });
    expect(err.code).toBe('SERVER_ERROR');
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/outcome is unknown/);
  });

  it('-1001 (disconnected) is retryable, -2015 is not', () => {
    expect(errorFromBinanceBody({ endpoint: 'GET /x', httpStatus: 503, body: { code: -1001, msg: 'x' } }).retryable).toBe(true);
    expect(errorFromBinanceBody({ endpoint: 'GET /x', httpStatus: 401, body: { code: -2015, msg: 'x' } }).retryable).toBe(false);
  });
});
