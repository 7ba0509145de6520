import type { Dec } from './decimal';
import type { SimState } from './state';

// Quote assets the simulator lists pairs against (a subset of Binance's); shared by the REST tickers and the streams.
const QUOTES = ['USDT', 'USDC', 'FDUSD', 'BTC', 'ETH', 'BNB'];

/** Price of `symbol` in its quote asset, from USD prices; undefined for a symbol the exchange does not list. */
export function symbolPrice(state: SimState, symbol: string): Dec | undefined {
  for (const quote of QUOTES) {
    if (!symbol.endsWith(quote) || symbol.length === quote.length) continue;
    const base = symbol.slice(0, -quote.length);
    if (base === quote) continue;
    // An index-only asset has a margin valuation but no market: no ticker, no index symbol.
    if (state.unlisted.has(base) || state.unlisted.has(quote)) return undefined;
    try {
      return state.price(base).div(state.price(quote));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function listedSymbols(state: SimState): string[] {
  const symbols = new Set<string>([...state.prices.keys()].filter((a) => !state.unlisted.has(a)).map((a) => `${a}USDT`));
  for (const account of state.accounts) for (const s of account.isolated.keys()) symbols.add(s);
  return [...symbols].sort();
}
