import 'server-only';
import { describe, expect, it } from 'vitest';
import { parseExchangeJson, retryAfterMs } from './http';

describe('parseExchangeJson', () => {
  it('keeps every digit of ids above 2^53', () => {
    expect(parseExchangeJson('{"tranId": 58203331886213504}')).toEqual({ tranId: '58203331886213504' });
  });
  it('leaves safe integers, decimals and strings alone', () => {
    const text = '{"a":180015097,"b":"99999999999999999999","c":1.5,"d":[1e3,-2],"e":"x\\"1234567890123456789"}';
    expect(parseExchangeJson(text)).toEqual(JSON.parse(text));
  });
  it('reads an empty body as null', () => {
    expect(parseExchangeJson('')).toBeNull();
  });
});

describe('retryAfterMs', () => {
  it('reads seconds', () => expect(retryAfterMs(new Headers({ 'Retry-After': '7' }), 1)).toBe(7000));
  it('falls back when absent or garbage', () => {
    expect(retryAfterMs(new Headers(), 60_000)).toBe(60_000);
    expect(retryAfterMs(new Headers({ 'Retry-After': 'soon' }), 5)).toBe(5);
  });
});
