import 'server-only';

/**
 * The process's own life: once a stop signal arrives it drains (docs/production.md, Process life): no new
 * refresh, exit step or state-changing request starts, and the work already running is awaited so it ends
 * at a recorded boundary. State lives on globalThis: instrumentation and route handlers are separate
 * bundles of the same process.
 */
interface Lifecycle {
  draining: boolean;
  work: Set<Promise<unknown>>;
}

const holder = globalThis as typeof globalThis & { __marginwatchLifecycle?: Lifecycle };
const state = (holder.__marginwatchLifecycle ??= { draining: false, work: new Set() });

export function isDraining(): boolean {
  return state.draining;
}

export function beginDrain(): void {
  state.draining = true;
}

/** Registers work a drain must wait for (a refresh, an exit step); returns the same promise. */
export function track<T>(work: Promise<T>): Promise<T> {
  state.work.add(work);
  const forget = () => void state.work.delete(work);
  work.then(forget, forget);
  return work;
}

/** Waits until every tracked piece of work settled, or the time is up; true when all settled. */
export async function settleWork(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const all = (async () => {
    // Work that settles may have started more (a step ending with a refresh): wait until none is left.
    while (state.work.size > 0) await Promise.allSettled([...state.work]);
    return true as const;
  })();
  try {
    return await Promise.race([all, timeUp]);
  } finally {
    clearTimeout(timer);
  }
}

export function pendingWork(): number {
  return state.work.size;
}

/** Tests only: a fresh, undrained process state. */
export function resetLifecycleForTesting(): void {
  state.draining = false;
  state.work.clear();
}
