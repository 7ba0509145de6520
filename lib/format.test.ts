import { describe, expect, it } from 'vitest';
import { formatAge, formatAmount, formatAssetAmount, formatRatio, formatShock, formatUsd } from './format';

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
});
