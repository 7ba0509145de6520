import { describe, expect, it } from 'vitest';
import { ExchangeError, type ExchangeClient } from '../exchange';
import { NOT_PORTFOLIO_MARGIN, readAccount } from './read-account';

/** A sub-account key whose `portfolio/account` read is refused with `code`; every other read answers "nothing there". */
function keyRefusingPortfolio(code: number): ExchangeClient {
  const empty = async () => ({});
  return {
    getPortfolioAccount: async () => {
      throw new ExchangeError({ code, httpStatus: 400, message: `refused ${code}`, endpoint: 'portfolioAccount' });
    },
    getMarginAccount: empty,
    getMarginTradeCoeff: empty,
    getIsolatedAccount: async () => ({ assets: [] }),
    getLiquidationLoan: async () => null,
    getSpecialKeyList: async () => [],
    getForceLiquidationRec: async () => ({ rows: [], total: 0 }),
  } as unknown as ExchangeClient;
}

describe('readAccount: Portfolio Margin Pro is ruled out only by the code Binance publishes for it', () => {
  it('-21001 (not a Portfolio Margin account): the account is read as Cross/Isolated', async () => {
    const reads = await readAccount('a@x', {} as ExchangeClient, { client: keyRefusingPortfolio(NOT_PORTFOLIO_MARGIN), canTrade: true }, () => {});
    expect(reads.own?.portfolio).toBeNull();
    expect(reads.own?.specialKeys).toEqual([]);
  });

  it.each([-12010, -1000, -3003])('%i (any other refusal): the read fails, so the refresh keeps the last good data marked stale', async (code) => {
    await expect(readAccount('a@x', {} as ExchangeClient, { client: keyRefusingPortfolio(code), canTrade: true }, () => {})).rejects.toThrow(`refused ${code}`);
  });
});
