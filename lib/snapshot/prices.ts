import Decimal from 'decimal.js';
import { DEFAULT_STABLE_ASSETS } from '@/lib/risk';

/** Symbol → last price, as Binance's `GET /api/v3/ticker/price` answers it (decimal strings). */
export type PriceBook = ReadonlyMap<string, string>;

export function priceBook(tickers: readonly { symbol: string; price: string }[]): PriceBook {
  return new Map(tickers.map((t) => [t.symbol, t.price]));
}

// Quote assets tried in order to value an asset in USD (choice: USDT is the deepest book on Binance).
const USD_QUOTES = ['USDT', 'USDC', 'FDUSD'] as const;

/** The asset's USD price as a decimal string, or null when no USD pair is listed. USDT is the unit. */
export function usdPrice(book: PriceBook, asset: string): string | null {
  if (asset === 'USDT') return '1';
  for (const quote of USD_QUOTES) {
    const direct = book.get(`${asset}${quote}`);
    const quoteInUsd = quote === 'USDT' ? '1' : book.get(`${quote}USDT`);
    if (direct && quoteInUsd) return new Decimal(direct).times(quoteInUsd).toString();
  }
  // Stablecoins quoted the other way round (USDT priced in them).
  const inverse = book.get(`USDT${asset}`);
  if (inverse && !new Decimal(inverse).isZero()) return new Decimal(1).div(inverse).toString();
  // docs/domain.md#exposure choice: a configured stablecoin with no listed pair is valued at 1 USD.
  return (DEFAULT_STABLE_ASSETS as readonly string[]).includes(asset) ? '1' : null;
}
