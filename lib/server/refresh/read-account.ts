import 'server-only';
import type { AccountReads } from '@/lib/snapshot/normalize';
import { ExchangeError, type ExchangeClient } from '../exchange';
import { isNoMarginAccount, orNull } from '../exchange/special-key-list';

/**
 * Binance answers `portfolio/account` for an account not in Portfolio Margin Pro with -21001
 * (USER_IS_NOT_UNIACCOUNT, Portfolio Margin error codes; sim/README.md). Only that code means "not PM Pro":
 * any other refusal is a real failure and leaves the account unread, never quietly "not PM Pro".
 */
export const NOT_PORTFOLIO_MARGIN = -21001;

function isNotPortfolioMargin(error: unknown): boolean {
  return error instanceof ExchangeError && error.code === NOT_PORTFOLIO_MARGIN;
}

/** A stored sub-account key, with what its permissions (recorded when it was checked) let it read. */
export interface OwnKey {
  client: ExchangeClient;
  /** False when the stored key is known to lack Spot & Margin trading; true or unknown: try. */
  canTrade: boolean;
}

/** The stored permissions say Spot & Margin trading is off: a flag not recorded is not taken as off. */
export function canTrade(row: { permissions: Record<string, unknown> | null }): boolean {
  return row.permissions?.enableSpotAndMarginTrading !== false;
}

/** -2015 on a TRADE endpoint after the key's USER_DATA reads succeeded: the key lacks Spot & Margin trading. */
function isReadOnlyRefusal(error: unknown): boolean {
  return error instanceof ExchangeError && error.code === -2015;
}

/**
 * The account's special keys, or null when the stored key can only read: Binance documents
 * GET /sapi/v1/margin/api-key-list as "Query Special key List (TRADE)", so a Reading key gets -2015 and the
 * keys are unknown (not "none", and not a failed refresh). Without `symbol` the list holds cross keys only;
 * each isolated pair's keys are listed by symbol.
 */
async function readSpecialKeys(own: OwnKey, symbols: (string | null)[]): Promise<NonNullable<AccountReads['own']>['specialKeys']> {
  if (!own.canTrade) return null;
  const listOf = async (symbol: string | null) =>
    ((await orNull(own.client.getSpecialKeyList(symbol ?? undefined), isNoMarginAccount)) ?? []).map((k) => ({ ...k, symbol }));
  try {
    return (await Promise.all(symbols.map(listOf))).flat();
  } catch (error) {
    if (isReadOnlyRefusal(error)) return null;
    throw error;
  }
}

/**
 * Every read docs/domain.md#exchange calls for, and only what the account's mode needs: the sub-account's own normal
 * key reads everything; without one, the master key reads what it can (cross summary and bars). Any failure propagates so
 * the refresh keeps the last good data, marked stale, instead of storing a partial picture.
 */
export async function readAccount(email: string, master: ExchangeClient, ownKey: OwnKey | null, step: (s: string) => void): Promise<AccountReads> {
  if (!ownKey) {
    // No key of its own: the master key still reads the cross summary and the account's bars.
    step('cross margin (master key)');
    return { email, subMargin: await orNull(master.getSubAccountMarginAccount(email), isNoMarginAccount), own: null };
  }
  const own = ownKey.client;

  step('portfolio margin');
  const portfolio = await orNull(own.getPortfolioAccount(), isNotPortfolioMargin);
  // The rest does not depend on each other: read it side by side, so an account costs ~3 round trips.
  step(portfolio ? 'portfolio balances and loan' : 'margin, bars, isolated pairs, loan, special keys');
  const [margin, tradeCoeff, isolated, liquidationLoan, pmLoan, crossKeys, forced] = await Promise.all([
    orNull(own.getMarginAccount(), isNoMarginAccount),
    portfolio ? null : orNull(own.getMarginTradeCoeff(), isNoMarginAccount),
    portfolio ? null : orNull(own.getIsolatedAccount(), isNoMarginAccount),
    portfolio ? null : orNull(own.getLiquidationLoan(), isNoMarginAccount),
    portfolio ? own.getPortfolioLoan() : null,
    readSpecialKeys(ownKey, [null]),
    // PM Pro lists its forced orders elsewhere (/papi/v1/margin/forceOrders): not read (docs/alerts.md).
    portfolio ? null : orNull(own.getForceLiquidationRec(), isNoMarginAccount),
  ]);
  step(liquidationLoan ? 'isolated special keys, spot wallet' : 'isolated special keys');
  // A LiquidationLoan is repaid from the spot wallet: read it only then, beside the pairs' key lists.
  const [pairKeys, spot] = await Promise.all([
    crossKeys && readSpecialKeys(ownKey, (isolated?.assets ?? []).map((p) => p.symbol)),
    liquidationLoan ? own.getSpotAccount().then((a) => a.balances.map((b) => ({ asset: b.asset, free: b.free }))) : undefined,
  ]);
  const specialKeys = crossKeys && pairKeys ? [...crossKeys, ...pairKeys] : null;
  const forceLiquidations = forced ? forced.rows.map((r) => ({
    orderId: String(r.orderId), symbol: r.symbol, side: r.side, executedQty: r.executedQty, avgPrice: r.avgPrice, isIsolated: r.isIsolated ?? false, updatedTime: r.updatedTime,
  })) : null;
  return { email, subMargin: null, own: { margin, tradeCoeff, isolated, portfolio, pmLoan, liquidationLoan, specialKeys, forceLiquidations, ...(spot ? { spot } : {}) } };
}
