import 'server-only';
import { and, eq } from 'drizzle-orm';
import { KEY_RULES } from '@/lib/keys/config';
import type { Db } from '../db/client';
import { subAccountKeyLists } from '../db/schema';
import type { ExchangeClient } from '../exchange';

export type ListedKey = (typeof subAccountKeyLists.$inferSelect)['keys'][number];

const PAGE_SIZE = 100; // Binance's maximum for this query

async function readAll(master: ExchangeClient, email: string): Promise<ListedKey[]> {
  const keys: ListedKey[] = [];
  for (let page = 1; ; page++) {
    const { total, list } = await master.getSubAccountApiKeys(email, page, PAGE_SIZE);
    keys.push(...list.map((k) => ({ apiKey: k.apikey, apiName: k.apiName ?? null, canTrade: k.canTrade ?? null, createdAt: k.timestamp ? new Date(k.timestamp).toISOString() : null })));
    if (list.length < PAGE_SIZE || keys.length >= total) return keys;
  }
}

/**
 * Reads, through the master key, the key lists that are due: never read, or read over an hour ago; oldest
 * first and at most `keyListReadsPerRefresh` per run, so the 3000-weight query never dominates a refresh.
 * Returns each account's latest list (fresh or kept): the snapshot's key count, and each key's creation for
 * the idle-key alert.
 */
export async function refreshKeyLists(
  db: Db,
  masterId: string,
  master: ExchangeClient,
  emails: string[],
  onError: (email: string, error: unknown) => void,
  now = new Date(),
): Promise<Map<string, ListedKey[]>> {
  const rows = await db.select().from(subAccountKeyLists).where(eq(subAccountKeyLists.masterId, masterId));
  const lastRead = new Map(rows.map((r) => [r.accountEmail, r]));
  const due = emails
    .filter((e) => (lastRead.get(e)?.readAt.getTime() ?? 0) <= now.getTime() - KEY_RULES.keyListMaxAgeMs)
    .sort((a, b) => (lastRead.get(a)?.readAt.getTime() ?? 0) - (lastRead.get(b)?.readAt.getTime() ?? 0))
    .slice(0, KEY_RULES.keyListReadsPerRefresh);
  const lists = new Map(rows.map((r) => [r.accountEmail, r.keys]));
  for (const email of due) {
    try {
      const keys = await readAll(master, email);
      const readAt = new Date();
      await db
        .insert(subAccountKeyLists)
        .values({ masterId, accountEmail: email, readAt, keys })
        .onConflictDoUpdate({ target: [subAccountKeyLists.masterId, subAccountKeyLists.accountEmail], set: { readAt, keys } });
      lists.set(email, keys);
    } catch (error) {
      onError(email, error);
    }
  }
  return lists;
}

/**
 * Brings the stored list in line with a key action marginwatch made and confirmed by re-reading the account's
 * special keys, so the count stays right without another 3000-weight read.
 */
export async function patchKeyList(db: Db, masterId: string, email: string, change: { add?: ListedKey; remove?: string }): Promise<void> {
  const [row] = await db.select().from(subAccountKeyLists).where(and(eq(subAccountKeyLists.masterId, masterId), eq(subAccountKeyLists.accountEmail, email)));
  if (!row) return;
  const keys = row.keys.filter((k) => k.apiKey !== change.remove && k.apiKey !== change.add?.apiKey);
  if (change.add) keys.push(change.add);
  await db.update(subAccountKeyLists).set({ keys }).where(and(eq(subAccountKeyLists.masterId, masterId), eq(subAccountKeyLists.accountEmail, email)));
}
