import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasNoWhitelist, ipEntryError, parseIpList } from './ip-list';

describe('IP whitelist entries', () => {
  it.each([
    '203.0.113.10', '0.0.0.0', '255.255.255.255', '10.0.0.0/8', '192.168.1.0/24', '1.2.3.4/32', '1.2.3.4/0',
    '2001:db8::1', '::1', '::', 'fe80::1:2:3:4', '2001:db8:0:0:0:0:0:1', '2001:db8::/32', '::ffff:192.0.2.1', '2001:db8::/128',
  ])('accepts %s', (entry) => {
    expect(ipEntryError(entry)).toBeNull();
  });

  it.each([
    ['256.1.1.1', /not an IPv4 or IPv6/],
    ['1.2.3', /not an IPv4 or IPv6/],
    ['01.2.3.4', /not an IPv4 or IPv6/],
    ['1.2.3.4/33', /prefix must be 0–32/],
    ['1.2.3.4/', /prefix must be 0–32/],
    ['2001:db8::/129', /prefix must be 0–128/],
    ['2001:db8:::1', /not an IPv4 or IPv6/],
    ['1:2:3:4:5:6:7:8:9', /not an IPv4 or IPv6/],
    ['1::2::3', /not an IPv4 or IPv6/],
    ['gggg::1', /not an IPv4 or IPv6/],
    ['1.2.3.4/8/8', /more than one/],
    ['example.com', /not an IPv4 or IPv6/],
  ])('refuses %s with a clear reason', (entry, reason) => {
    expect(ipEntryError(entry)).toMatch(reason);
  });

  it('accepts every dotted quad of bytes', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => ipEntryError(ip) === null));
  });

  it('accepts every IPv6 address fast-check writes', () => {
    fc.assert(fc.property(fc.ipV6(), (ip) => ipEntryError(ip) === null));
  });
});

describe('parseIpList', () => {
  it('splits on commas, spaces and new lines', () => {
    expect(parseIpList(' 203.0.113.10,\n198.51.100.0/24  2001:db8::1 ')).toEqual({ ok: true, ips: ['203.0.113.10', '198.51.100.0/24', '2001:db8::1'] });
  });

  it.each([
    ['', /at least one/],
    ['  ,  ', /at least one/],
    ['1.2.3.4, 1.2.3.4', /listed twice/],
    ['1.2.3.4, nope', /"nope" is not an IPv4/],
    [Array.from({ length: 31 }, (_, i) => `10.0.0.${i}`).join(','), /At most 30 addresses \(31 entered\)/],
  ])('refuses %j', (input, error) => {
    const result = parseIpList(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('takes exactly 30', () => {
    expect(parseIpList(Array.from({ length: 30 }, (_, i) => `10.0.0.${i}`).join(',')).ok).toBe(true);
  });
});

describe('hasNoWhitelist', () => {
  it.each([
    ['', true], [null, true], ['0.0.0.0', true], ['0.0.0.0, 0.0.0.0', true], ['203.0.113.10', false], ['0.0.0.0,203.0.113.10', false],
  ])('%j → %s', (ip, expected) => {
    expect(hasNoWhitelist(ip)).toBe(expected);
  });
});
