import 'server-only';
import { eq } from 'drizzle-orm';
import type { SubAccountList, SubAccountRow } from '@/lib/contracts/connections';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { connections } from '@/lib/server/db/schema';
import { createExchangeClient, listAllSubAccounts, type ExchangeClientOptions, type ListedSubAccount } from '@/lib/server/exchange';
import { readListing, saveListing } from '@/lib/server/refresh/sub-account-listing';
import { credentialsOf, findRow, selectViews, type ConnectionRow } from './store';

export async function masterRow(masterId: string): Promise<ConnectionRow> {
  const row = await findRow(await getDb(), masterId);
  if (!row || row.kind !== 'master') throw notFound('That master connection');
  return row;
}

/** Reads the master's sub-accounts from the exchange now, and keeps the list for the Connections page. */
export async function discoverSubAccounts(masterId: string, options: Pick<ExchangeClientOptions, 'fetch' | 'budget'> = {}): Promise<ListedSubAccount[]> {
  const master = await masterRow(masterId);
  const client = createExchangeClient({ ...options, baseUrl: master.baseUrl, credentials: credentialsOf(master), accountId: master.id });
  const listed = await listAllSubAccounts(client);
  await saveListing(await getDb(), masterId, listed, new Date());
  return listed;
}

/**
 * The sub-accounts as last listed (by a refresh or an explicit read), each with its stored key if any, plus stored
 * keys the master no longer lists. Reads nothing from the exchange: a GET spends no request weight (docs/architecture.md).
 */
export async function listSubAccounts(masterId: string): Promise<SubAccountList> {
  await masterRow(masterId);
  const db = await getDb();
  const { listedAt, subAccounts } = await readListing(db, masterId);
  const stored = await selectViews(db, eq(connections.masterId, masterId));
  const byEmail = new Map(stored.map((c) => [c.accountEmail ?? '', c]));
  const rows: SubAccountRow[] = subAccounts.map((s) => ({ ...s, discovered: true, connection: byEmail.get(s.email) ?? null }));
  const listed = new Set(subAccounts.map((s) => s.email));
  for (const c of stored) {
    if (!listed.has(c.accountEmail ?? '')) {
      // Never listed yet: a stored key is just that, not "no longer listed".
      rows.push({ email: c.accountEmail ?? '', subUserId: null, remark: '', isFreeze: false, discovered: listedAt === null ? null : false, connection: c });
    }
  }
  return { masterId, listedAt: listedAt?.toISOString() ?? null, subAccounts: rows };
}
