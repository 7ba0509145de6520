import { describe, expect, it } from 'vitest';
import { priceBook, usdPrice } from './prices';

const book = priceBook([
  { symbol: 'BTCUSDT', price: '50000.10' },
  { symbol: 'USDCUSDT', price: '0.9998' },
  { symbol: 'XYZUSDC', price: '2' },
  { symbol: 'USDTTRY', price: '40' },
]);

describe('usdPrice', () => {
  it.each([
    ['USDT', '1'],
    ['BTC', '50000.1'],
    ['USDC', '0.9998'],
    // 2 USDC × 0.9998 USDT/USDC: exact, no float drift.
    ['XYZ', '1.9996'],
    // 1 / 40 TRY per USDT.
    ['TRY', '0.025'],
    // A configured stablecoin with no pair at all.
    ['FDUSD', '1'],
    ['NOPE', null],
  ])('%s → %s', (asset, expected) => {
    expect(usdPrice(book, asset)).toBe(expected);
  });
});
