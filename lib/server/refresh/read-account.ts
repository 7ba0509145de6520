import 'server-only';
import type { AccountReads } from '@/lib/snapshot/normalize';
import { ExchangeError, type ExchangeClient } from '../exchange';

/**
 * (choice) Binance answers `portfolio/account` with an error for accounts not in Portfolio Margin Pro;
 * the code is not documented, so any exchange-side refusal other than a key, signature, clock or
 * rate-limit problem is read as "not PM Pro". Those others are real failures and propagate.
 */
const REAL_FAILURES = new Set<unknown>([-2014, -2015, -1022, -1021, -1003, -1002]);

function isNotPortfolioMargin(error: unknown): boolean {
  return error instanceof ExchangeError && typeof error.code === 'number' && !REAL_FAILURES.has(error.code) && (error.httpStatus ?? 0) < 500;
}

/** -3003: the account has no margin wallet. Not a failure: there is nothing to read. */
export function isNoMarginAccount(error: unknown): boolean {
  return error instanceof ExchangeError && error.code === -3003;
}

export async function orNull<T>(read: Promise<T>, absent: (error: unknown) => boolean): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (absent(error)) return null;
    throw error;
  }
}

/**
 * Every read docs/domain.md#exchange calls for, and only what the account's mode needs: the sub-account's own normal
 * key reads everything; without one, the master key reads what it can (cross summary and bars). Any failure propagates so
 * the refresh keeps the last good data, marked stale, instead of storing a partial picture.
 */
export async function readAccount(email: string, master: ExchangeClient, own: ExchangeClient | null, step: (s: string) => void): Promise<AccountReads> {
  if (!own) {
    // No key of its own: the master key still reads the cross summary and the account's bars.
    step('cross margin (master key)');
    return { email, subMargin: await orNull(master.getSubAccountMarginAccount(email), isNoMarginAccount), own: null };
  }

  step('portfolio margin');
  const portfolio = await orNull(own.getPortfolioAccount(), isNotPortfolioMargin);
  // The rest does not depend on each other: read it side by side, so an account costs ~3 round trips.
  step(portfolio ? 'portfolio balances and loan' : 'margin, bars, isolated pairs, loan, special keys');
  const specialKeysOf = async (symbol: string | null) =>
    (await own.getSpecialKeyList(symbol ?? undefined)).map((k) => ({ ...k, symbol }));
  const [margin, tradeCoeff, isolated, liquidationLoan, pmLoan, crossKeys] = await Promise.all([
    orNull(own.getMarginAccount(), isNoMarginAccount),
    portfolio ? null : orNull(own.getMarginTradeCoeff(), isNoMarginAccount),
    portfolio ? null : orNull(own.getIsolatedAccount(), isNoMarginAccount),
    portfolio ? null : own.getLiquidationLoan(),
    portfolio ? own.getPortfolioLoan() : null,
    // Without `symbol` the list holds cross keys only; each isolated pair's keys are listed by symbol.
    specialKeysOf(null),
  ]);
  step('isolated special keys');
  const pairKeys = await Promise.all((isolated?.assets ?? []).map((p) => specialKeysOf(p.symbol)));
  const specialKeys = [...crossKeys, ...pairKeys.flat()];
  return { email, subMargin: null, own: { margin, tradeCoeff, isolated, portfolio, pmLoan, liquidationLoan, specialKeys } };
}
