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
function isNoMarginAccount(error: unknown): boolean {
  return error instanceof ExchangeError && error.code === -3003;
}

async function orNull<T>(read: Promise<T>, absent: (error: unknown) => boolean): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (absent(error)) return null;
    throw error;
  }
}

/**
 * Every read DESIGN §2 calls for, and only what the account's mode needs: the master key reads the
 * cross summary and bars; the sub-account's own normal key reads the rest. Any failure propagates so
 * the refresh keeps the last good data, marked stale, instead of storing a partial picture.
 */
export async function readAccount(email: string, master: ExchangeClient, own: ExchangeClient | null, step: (s: string) => void): Promise<AccountReads> {
  step('cross margin (master key)');
  const subMargin = await orNull(master.getSubAccountMarginAccount(email), isNoMarginAccount);
  if (!own) return { email, subMargin, own: null };

  step('portfolio margin');
  const portfolio = await orNull(own.getPortfolioAccount(), isNotPortfolioMargin);
  step('margin account');
  const margin = await orNull(own.getMarginAccount(), isNoMarginAccount);
  const tradeCoeff = margin && !portfolio ? await own.getMarginTradeCoeff() : null;
  step('isolated pairs');
  const isolated = portfolio ? null : await orNull(own.getIsolatedAccount(), isNoMarginAccount);
  step('special keys');
  // Without `symbol` the list holds cross keys only; each isolated pair's keys are listed by symbol.
  const symbols: (string | null)[] = [null, ...(isolated?.assets.map((p) => p.symbol) ?? [])];
  const specialKeys = (
    await Promise.all(symbols.map(async (symbol) => (await own.getSpecialKeyList(symbol ?? undefined)).map((k) => ({ ...k, symbol }))))
  ).flat();
  step('loans');
  const liquidationLoan = portfolio ? null : await own.getLiquidationLoan();
  const pmLoan = portfolio ? await own.getPortfolioLoan() : null;
  return { email, subMargin, own: { margin, tradeCoeff, isolated, portfolio, pmLoan, liquidationLoan, specialKeys } };
}
