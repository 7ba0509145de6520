import { FLAG_INFO } from '@/lib/keys/flags';
import { rowFlags } from '@/lib/keys/inventory';
import { toCsv } from '@/lib/format-table';
import type { InventoryAccount, InventoryKey } from '@/lib/contracts/keys';

const HEADER = ['account', 'quota', 'quota complete', 'name', 'key (last 4)', 'kind', 'signature', 'symbol', 'permissions', 'ip whitelist', 'known from', 'created', 'first seen', 'last seen', 'deleted', 'idle days', 'flags'];

/** The inventory exactly as filtered on screen, one line per key, flags spelled out. */
export function inventoryCsv(groups: { account: InventoryAccount; keys: InventoryKey[] }[]): string {
  const rows = groups.flatMap(({ account, keys }) =>
    keys.map((k) => [
      account.email, `${account.quota.count}/${account.quota.limit}`, account.quota.complete, k.name, k.maskedKey.slice(-4), k.kind, k.signature, k.symbol,
      k.permissions.join(' '), k.ipList === null ? 'unknown' : k.ipList.join(' '), k.sources.join('+'), k.createdAt, k.firstSeenAt, k.lastSeenAt, k.deletedAt, k.idleDays,
      rowFlags(account, k).map((f) => FLAG_INFO[f].label).join('; '),
    ]),
  );
  return toCsv(HEADER, rows);
}
