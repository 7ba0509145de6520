import 'server-only';

/**
 * Views that depend only on one finished refresh, computed once and kept in memory keyed by its id. A
 * finished refresh's snapshots and master risk are never rewritten (a new refresh has a new id), so an entry
 * is never stale, only evicted. Why: the embedded database serves one query at a time, and re-reading and
 * re-serializing 1,000 snapshots per request queued every other request behind it (issue 6, bench/api).
 */
const MAX_ENTRIES = 32;

// One cache per process: Next.js may evaluate this module in several bundles.
const holder = globalThis as typeof globalThis & { __marginwatchRefreshViews?: Map<string, Promise<unknown>> };

export function cachedForRefresh<T>(refreshId: string, view: string, compute: () => Promise<T>): Promise<T> {
  const cache = (holder.__marginwatchRefreshViews ??= new Map());
  const key = `${refreshId} ${view}`;
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) {
    // Least recently used goes first: re-inserting moves the entry to the end of the Map's order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // The promise itself is kept, so requests arriving while it computes wait for the one computation.
  const computed = compute();
  cache.set(key, computed);
  computed.catch(() => cache.delete(key)); // a failure is answered once, never kept
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return computed;
}
