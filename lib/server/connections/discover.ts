import 'server-only';
import { eq } from 'drizzle-orm';
import type { SubAccountList, SubAccountRow } from '@/lib/contracts/connections';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { connections } from '@/lib/server/db/schema';
import { createExchangeClient, type ExchangeClientOptions } from '@/lib/server/exchange';
import { credentialsOf, findRow, selectViews, type ConnectionRow } from './store';

// Binance documents limit ≤ 200 (and a default of 1): ask for full pages and stop at the first short one.
const PAGE_LIMIT = 200;
// 1000 pages = 200,000 sub-accounts: far beyond any real master; only stops a server that never ends a list.
const MAX_PAGES = 1000;

export interface DiscoveredSubAccount {
  email: string;
  subUserId: string | null;
  remark: string;
  isFreeze: boolean;
}

export async function masterRow(masterId: string): Promise<ConnectionRow> {
  const row = await findRow(await getDb(), masterId);
  if (!row || row.kind !== 'master') throw notFound('That master connection');
  return row;
}

/** Every sub-account under a master: GET /sapi/v1/sub-account/list with the master's key, paged to the end. */
export async function discoverSubAccounts(masterId: string, options: Pick<ExchangeClientOptions, 'fetch' | 'budget'> = {}): Promise<DiscoveredSubAccount[]> {
  const master = await masterRow(masterId);
  const client = createExchangeClient({ ...options, baseUrl: master.baseUrl, credentials: credentialsOf(master), accountId: master.id });
  const found: DiscoveredSubAccount[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { subAccounts } = await client.getSubAccountList(page, PAGE_LIMIT);
    for (const s of subAccounts) {
      found.push({ email: s.email, subUserId: s.subUserId === undefined ? null : String(s.subUserId), remark: s.remark ?? '', isFreeze: s.isFreeze });
    }
    if (subAccounts.length < PAGE_LIMIT) break;
  }
  return found;
}

/** The discovered sub-accounts, each with its stored key if any, plus stored keys the master no longer lists. */
export async function listSubAccounts(masterId: string, options: Pick<ExchangeClientOptions, 'fetch' | 'budget'> = {}): Promise<SubAccountList> {
  const discovered = await discoverSubAccounts(masterId, options);
  const stored = await selectViews(await getDb(), eq(connections.masterId, masterId));
  const byEmail = new Map(stored.map((c) => [c.accountEmail ?? '', c]));
  const rows: SubAccountRow[] = discovered.map((s) => ({ ...s, discovered: true, connection: byEmail.get(s.email) ?? null }));
  const listed = new Set(discovered.map((s) => s.email));
  for (const c of stored) {
    if (!listed.has(c.accountEmail ?? '')) {
      rows.push({ email: c.accountEmail ?? '', subUserId: null, remark: '', isFreeze: false, discovered: false, connection: c });
    }
  }
  return { masterId, subAccounts: rows };
}
