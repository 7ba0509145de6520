import 'server-only';

// One per process (Next.js may load this module in several bundles): the sender's wake-up, so an alert a
// refresh just committed leaves at once instead of at the next poll.
const holder = globalThis as typeof globalThis & { __marginwatchAlertWake?: Set<() => void> };
const listeners = (holder.__marginwatchAlertWake ??= new Set());

export function onWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function wakeSender(): void {
  for (const listener of listeners) listener();
}
