import 'server-only';
import type { ExchangeClient } from './client';
import { ExchangeError } from './types';

/** -3003: the account has no margin wallet. Not a failure: there is nothing to read. */
export function isNoMarginAccount(error: unknown): boolean {
  return error instanceof ExchangeError && error.code === -3003;
}

/** The answer, or null when the error says there is nothing to read (`absent`); any other error propagates. */
export async function orNull<T>(read: Promise<T>, absent: (error: unknown) => boolean): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (absent(error)) return null;
    throw error;
  }
}

export type ListedSpecialKey = Awaited<ReturnType<ExchangeClient['getSpecialKeyList']>>[number] & { symbol: string | null };

/**
 * The special keys of the given lists, each tagged with its list: `null` is the cross list (no `symbol`), a
 * symbol that isolated pair's own list. Binance lists only cross keys without `symbol`, so "every special key
 * of an account" is one call for the cross list and one per isolated pair (docs/domain.md#keys).
 */
export async function listSpecialKeys(client: ExchangeClient, lists: readonly (string | null)[]): Promise<ListedSpecialKey[]> {
  const distinct = [...new Set(lists)];
  const keys = await Promise.all(distinct.map(async (symbol) => (await client.getSpecialKeyList(symbol ?? undefined)).map((k) => ({ ...k, symbol }))));
  return keys.flat();
}

/** Every special key of the account: its isolated pairs are read first, then the cross list and each pair's. */
export async function listAllSpecialKeys(client: ExchangeClient): Promise<ListedSpecialKey[]> {
  const isolated = await orNull(client.getIsolatedAccount(), isNoMarginAccount);
  return listSpecialKeys(client, [null, ...(isolated?.assets ?? []).map((p) => p.symbol)]);
}
