import 'server-only';
import { credentialsOf } from './connections/store';
import type { connections } from './db/schema';
import { createExchangeClient, type ExchangeClient } from './exchange';

type ConnectionRow = typeof connections.$inferSelect;

/** A client for a stored key; its UID budget is grouped by the account the key belongs to. */
export function clientFor(row: ConnectionRow): ExchangeClient {
  return createExchangeClient({
    baseUrl: row.baseUrl,
    credentials: credentialsOf(row),
    accountId: row.accountEmail ?? `master:${row.id}`,
  });
}
