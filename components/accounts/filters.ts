import type { ReviewView } from '@/lib/contracts/review';
import type { AccountRow } from '@/lib/contracts/accounts';

export interface AccountFilters {
  search: string;
  mode: string;
  bound: '' | 'bound' | 'not-bound' | 'unknown';
  status: string;
  stale: '' | 'stale' | 'fresh';
  /** `due`: never reviewed or no longer covered by its last review. */
  review: '' | 'due';
}

export const NO_FILTERS: AccountFilters = { search: '', mode: '', bound: '', status: '', stale: '', review: '' };

const BOUND = ['bound', 'not-bound', 'unknown'] as const;

/** The filters a link may set (`/accounts?status=MARGIN_CALL`, `?bound=bound`); anything else is ignored. */
export function filtersFrom(params: Record<string, string | string[] | undefined>): AccountFilters {
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
  const bound = one(params.bound);
  return { ...NO_FILTERS, status: /^[A-Z_]{1,32}$/.test(one(params.status)) ? one(params.status) : '', bound: (BOUND as readonly string[]).includes(bound) ? (bound as AccountFilters['bound']) : '', review: one(params.review) === 'due' ? 'due' : '' };
}

export function matches(r: AccountRow, f: AccountFilters, reviews?: Record<string, ReviewView>, labels?: Record<string, string>): boolean {
  if (f.review === 'due' && reviews?.[r.email]?.state === 'ok') return false;
  const wanted = f.search.trim().toLowerCase();
  if (wanted && !r.email.toLowerCase().includes(wanted) && !labels?.[r.email]?.toLowerCase().includes(wanted)) return false;
  if (f.mode && r.mode !== f.mode) return false;
  if (f.bound === 'bound' && r.bound !== true) return false;
  if (f.bound === 'not-bound' && r.bound !== false) return false;
  if (f.bound === 'unknown' && r.bound !== null) return false;
  if (f.status && r.status !== f.status) return false;
  if (f.stale === 'stale' && !r.stale) return false;
  if (f.stale === 'fresh' && r.stale) return false;
  return true;
}
