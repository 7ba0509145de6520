import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { refreshRuns } from '../db/schema';
import { RefreshBusyError } from './errors';
import { runRefresh, startRefresh } from './run-refresh';

/** How often to look whether a refresh someone else started has finished (choice: pages poll at 1–2 s too). */
const BUSY_POLL_MS = 1000;
const MAX_WAIT_MS = 5 * 60_000;

/**
 * After an action changed the exchange (a key created or deleted, an exit), refresh the master so Accounts,
 * Keys and Overview show it. A refresh already running may have read the accounts before the change, so wait
 * for it to finish and then refresh again.
 */
export async function refreshAfterChange(db: Db, masterId: string, by: string | null): Promise<void> {
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    try {
      await runRefresh(masterId, 'manual', by);
      return;
    } catch (error) {
      if (!(error instanceof RefreshBusyError) || Date.now() > deadline) throw error;
      await untilNotRunning(db, masterId, deadline);
    }
  }
}

/**
 * The same, answering as soon as a refresh of the master is running (ours, or one already under way that
 * ours follows), so a request can return and the page follow the refresh's progress; `done` settles when the
 * refresh that includes the change has finished.
 */
export async function startRefreshAfterChange(db: Db, masterId: string, by: string | null): Promise<{ done: Promise<void> }> {
  try {
    const { done } = await startRefresh(masterId, 'manual', by);
    return { done: done.then(() => undefined) };
  } catch (error) {
    if (!(error instanceof RefreshBusyError)) throw error;
    return { done: refreshAfterChange(db, masterId, by) };
  }
}

async function untilNotRunning(db: Db, masterId: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const running = await db.select({ id: refreshRuns.id }).from(refreshRuns).where(and(eq(refreshRuns.masterId, masterId), eq(refreshRuns.status, 'running')));
    if (running.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, BUSY_POLL_MS));
  }
}
