import 'server-only';

/**
 * The two reads nearly every request makes first — which master a page shows and which of its refreshes —
 * kept in memory between writes. Why: the embedded database serves one query at a time, and these two reads
 * made an authenticated page answer cost three times the sessionless health check (README "Performance",
 * bench/api; goal ≥ 0.7× in docs/security.md). Correctness:
 * - every writer of master connections or refresh runs in this process calls `latestChanged()` once its
 *   write is committed, which drops everything kept (a read that started before the write is dropped too,
 *   since it was kept from its start);
 * - a write by another instance on the same PostgreSQL is seen at most `MAX_AGE_MS` later (docs/production.md,
 *   "Two or more instances"): a refresh's progress or a new refresh shows up to a second late there, never wrong.
 */
const MAX_AGE_MS = 1_000;

type Entry = { at: number; value: Promise<unknown> };

// One store per process (Next.js may evaluate this module in several bundles), one map per database handle.
const holder = globalThis as typeof globalThis & { __marginwatchLatest?: WeakMap<object, Map<string, Entry>> };
const store = () => (holder.__marginwatchLatest ??= new WeakMap());

export function memoLatest<T>(db: object, key: string, read: () => Promise<T>, now = Date.now()): Promise<T> {
  let entries = store().get(db);
  if (!entries) store().set(db, (entries = new Map()));
  const kept = entries.get(key);
  if (kept && now - kept.at < MAX_AGE_MS) return kept.value as Promise<T>;
  const value = read();
  const entry = { at: now, value };
  entries.set(key, entry);
  // A failed read is answered once, never kept.
  value.catch(() => entries.get(key) === entry && entries.delete(key));
  return value;
}

/** A master connection or a refresh run was written: every kept read is dropped. */
export function latestChanged(): void {
  holder.__marginwatchLatest = new WeakMap();
}
