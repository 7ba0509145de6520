import 'server-only';

/**
 * One account's page data (its snapshots and history, key sightings, exits, notes, live points) kept in memory
 * between writes, like the latest refreshes in `latest-cache.ts`. Why: five queries per request made
 * `/api/accounts/:email` answer at 0.39× the sessionless health check, against the goal of ≥ 0.7× (README
 * "Performance", bench/api; docs/security.md "Sessions that end"). Correctness:
 * - an entry belongs to one database handle, one master, one account and one shown refresh: a new refresh
 *   shown is a new entry;
 * - every writer of an account's snapshots, sightings, exits, notes or live points in this process calls
 *   `accountChanged()` once its write is committed, which drops that account's entry; a read under way at the
 *   time is dropped with it, since the entry is kept from the read's start;
 * - a write by another instance on the same PostgreSQL is seen at most `MAX_AGE_MS` later, the bound
 *   docs/production.md ("Two or more instances") states for the latest refreshes.
 * Bounded: at most `MAX_ENTRIES`, and an entry past its age is dropped when the next one is kept.
 */
const MAX_AGE_MS = 1_000;
const MAX_ENTRIES = 256;

type Entry = { db: object; refreshId: string; at: number; value: Promise<unknown> };
export type AccountScope = { masterId: string; email: string; refreshId: string };

// One store per process (Next.js may evaluate this module in several bundles). Insertion order is age order.
const holder = globalThis as typeof globalThis & { __marginwatchAccounts?: Map<string, Entry> };
const store = () => (holder.__marginwatchAccounts ??= new Map());

const keyOf = (masterId: string, email: string) => `${masterId}\n${email}`;

export function memoAccount<T>(db: object, scope: AccountScope, read: () => Promise<T>, now = Date.now()): Promise<T> {
  const entries = store();
  const key = keyOf(scope.masterId, scope.email);
  const kept = entries.get(key);
  if (kept && kept.db === db && kept.refreshId === scope.refreshId && now - kept.at < MAX_AGE_MS) return kept.value as Promise<T>;
  const value = read();
  const entry: Entry = { db, refreshId: scope.refreshId, at: now, value };
  entries.delete(key); // re-inserted last, so the oldest entries stay first
  entries.set(key, entry);
  for (const [k, e] of entries) {
    if (entries.size <= MAX_ENTRIES && now - e.at < MAX_AGE_MS) break;
    entries.delete(k);
  }
  // A failed read is answered once, never kept.
  value.catch(() => entries.get(key) === entry && entries.delete(key));
  return value;
}

/** One account's data was written (or, without an email, any of the master's accounts'): its kept read is dropped. */
export function accountChanged(masterId: string, email?: string): void {
  const entries = store();
  if (email !== undefined) {
    entries.delete(keyOf(masterId, email));
    return;
  }
  for (const key of entries.keys()) if (key.startsWith(keyOf(masterId, ''))) entries.delete(key);
}
