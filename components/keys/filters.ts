import { rowFlags } from '@/lib/keys/inventory';
import type { InventoryAccount, InventoryKey, KeyFlag } from '@/lib/contracts/keys';

export interface KeyFilters {
  flag: KeyFlag | 'any' | 'all';
  kind: 'all' | 'special' | 'normal';
  showDeleted: boolean;
  search: string;
}

export const NO_FILTERS: KeyFilters = { flag: 'all', kind: 'all', showDeleted: true, search: '' };

export function keyMatches(account: InventoryAccount, k: InventoryKey, f: KeyFilters): boolean {
  if (!f.showDeleted && k.deletedAt) return false;
  if (f.kind !== 'all' && k.kind !== f.kind) return false;
  const flags = rowFlags(account, k);
  if (f.flag === 'any' && flags.length === 0) return false;
  if (f.flag !== 'any' && f.flag !== 'all' && !flags.includes(f.flag)) return false;
  const q = f.search.trim().toLowerCase();
  return !q || account.email.toLowerCase().includes(q) || (k.name ?? '').toLowerCase().includes(q) || k.maskedKey.toLowerCase().includes(q);
}

/** Accounts with the keys the filter keeps; an account flagged itself stays visible even with no key shown. */
export function applyFilters(accounts: InventoryAccount[], f: KeyFilters) {
  return accounts
    .map((account) => ({ account, keys: account.keys.filter((k) => keyMatches(account, k, f)) }))
    .filter(({ account, keys }) => keys.length > 0 || (f.flag !== 'all' && f.flag !== 'any' && account.flags.includes(f.flag)) || unfiltered(f));
}

function unfiltered(f: KeyFilters): boolean {
  return f.flag === 'all' && f.kind === 'all' && f.search.trim() === '';
}
