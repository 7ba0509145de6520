import type { AccountRow } from '@/lib/contracts/accounts';

export interface AccountFilters {
  search: string;
  mode: string;
  bound: '' | 'bound' | 'not-bound' | 'unknown';
  status: string;
  stale: '' | 'stale' | 'fresh';
}

export const NO_FILTERS: AccountFilters = { search: '', mode: '', bound: '', status: '', stale: '' };

export function matches(r: AccountRow, f: AccountFilters): boolean {
  if (f.search && !r.email.toLowerCase().includes(f.search.trim().toLowerCase())) return false;
  if (f.mode && r.mode !== f.mode) return false;
  if (f.bound === 'bound' && r.bound !== true) return false;
  if (f.bound === 'not-bound' && r.bound !== false) return false;
  if (f.bound === 'unknown' && r.bound !== null) return false;
  if (f.status && r.status !== f.status) return false;
  if (f.stale === 'stale' && !r.stale) return false;
  if (f.stale === 'fresh' && r.stale) return false;
  return true;
}
