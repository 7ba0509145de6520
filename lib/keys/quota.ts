import { KEY_RULES } from './config';

export interface QuotaSources {
  /** Every key the exchange listed for the account (`subAccountApi`), or null when it was never read. */
  listed: readonly string[] | null;
  /** Live special keys seen through the account's own key; null when they cannot be read. */
  special: readonly string[] | null;
  /** Keys stored in marginwatch for the account. */
  stored: readonly string[];
  /** Special keys seen deleted: an exchange list read before the deletion (hourly at most) still names them. */
  deleted: readonly string[];
}

export interface Quota {
  count: number;
  limit: number;
  /** false: some keys may exist that we cannot see, so `count` is a lower bound. */
  complete: boolean;
  near: boolean;
}

/**
 * Keys on one account against Binance's 30: every distinct key we know of from any source, less the special
 * keys seen deleted since. Only the exchange's own list of the account's keys makes the count complete.
 */
export function countKeys(sources: QuotaSources): Quota {
  const gone = new Set(sources.deleted);
  const keys = new Set([...(sources.listed ?? []), ...(sources.special ?? []), ...sources.stored].filter((k) => !gone.has(k)));
  const count = keys.size;
  return { count, limit: KEY_RULES.keyLimit, complete: sources.listed !== null, near: count >= KEY_RULES.keyLimit - KEY_RULES.nearLimitMargin };
}
