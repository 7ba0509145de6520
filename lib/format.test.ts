import { describe, expect, it } from 'vitest';
import { countOf, formatAge, formatAmount, formatAssetAmount, formatDay, formatOwed, formatRatio, formatShock, formatSignedAmount, formatUsd, parseDay } from './format';

describe('format', () => {
  it('groups exact decimals without float drift', () => {
    expect(formatAmount('1234567.005', 'USDT')).toBe('1,234,567.00 USDT');
    expect(formatAmount('0.1', 'BTC', 8)).toBe('0.10000000 BTC');
    expect(formatUsd('-150000')).toBe('−150,000 USD');
    expect(formatUsd('9007199254740993.5', 1)).toBe('9,007,199,254,740,993.5 USD');
  });
  it('shows an asset amount with the decimals it carries, grouped', () => {
    expect(formatAssetAmount('1000000.00000000', 'USDT')).toBe('1,000,000 USDT');
    expect(formatAssetAmount('500.00000001', 'ETH')).toBe('500.00000001 ETH');
    expect(formatAssetAmount('7001250.5', 'USDT')).toBe('7,001,250.5 USDT');
  });
  it('signs shocks', () => {
    expect(formatShock(-0.2)).toBe('−20 %');
    expect(formatShock(0.135)).toBe('+13.5 %');
    expect(formatShock(0)).toBe('0 %');
  });
  it('shows no margin level without debt', () => {
    expect(formatRatio(null)).toBe('— (no debt)');
    expect(formatRatio('1.45789')).toBe('1.457');
  });
  it('says how old data is', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(formatAge('2026-01-01T11:59:30Z', now)).toBe('30 s');
    expect(formatAge('2026-01-01T11:48:00Z', now)).toBe('12 min');
    expect(formatAge('2025-12-30T12:00:00Z', now)).toBe('2 d');
  });
  it('puts the sign against the digits, and none on a figure that rounds to zero', () => {
    expect(formatOwed('7001250.5')).toBe('−7,001,250.50 USD');
    expect(formatOwed('0')).toBe('0.00 USD');
    expect(formatSignedAmount('1250.5', 'USD')).toBe('+1,250.50 USD');
    expect(formatSignedAmount('-7001250.5', 'USD')).toBe('−7,001,250.50 USD');
    expect(formatSignedAmount('0.001', 'USD')).toBe('0.00 USD');
    expect(formatAmount('-0.004', 'USD')).toBe('0.00 USD');
    expect(formatAmount('1234.5', '')).toBe('1,234.50');
    for (const v of ['-1', '-1000000.5', '-0.5']) expect(formatAmount(v, 'USD')).not.toMatch(/−\s/);
  });
  it('never shows an exchange string raw: grouped, trailing zeros dropped, at most 8 decimals', () => {
    expect(formatAssetAmount('150000.00000000', 'USDC')).toBe('150,000 USDC');
    expect(formatAssetAmount('40000', 'XYZ')).toBe('40,000 XYZ');
    expect(formatAssetAmount('0.123456789', 'BTC')).toBe('0.12345679 BTC');
  });
  it('counts with the right noun', () => {
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(countOf(0, 'entry', 'entries')).toBe('0 entries');
    expect(countOf(1200, 'account')).toBe('1,200 accounts');
  });
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['1 Dec 2026', '2026-12-01'],
    ['01 december 2026', '2026-12-01'],
    ['31 Jan 2099', '2099-01-31'],
    ['29 Feb 2028', '2028-02-29'],
    ['29 Feb 2026', null],
    ['2026-02-30', null],
    ['01/12/2026', null],
    ['12/01/2026', null],
    ['1 Dex 2026', null],
    ['', null],
  ])('reads the typed day %j as %j', (text, day) => {
    expect(parseDay(text)).toBe(day);
  });
  it('writes a day the one way every reader reads alike, and reads it back', () => {
    expect(formatDay('2026-12-01')).toBe('1 Dec 2026');
    expect(formatDay('2099-01-31T23:59:59.999Z')).toBe('31 Jan 2099');
    for (const day of ['2026-01-01', '2026-12-31', '2028-02-29']) expect(parseDay(formatDay(day))).toBe(day);
  });
});
