import 'server-only';
import { eq } from 'drizzle-orm';
import { getEnv } from '@/lib/env';
import { pruneAudit } from '../audit';
import { getDb } from '../db/client';
import { isDraining } from '../lifecycle';
import { connections } from '../db/schema';
import { mastersDue } from './due';
import { RefreshBusyError } from './errors';
import { runRefresh } from './run-refresh';
import { logger } from '../log/logger';

const log = logger('refresh');

const holder = globalThis as typeof globalThis & { __marginwatchScheduler?: NodeJS.Timeout };

async function refreshAllMasters(trigger: 'start' | 'schedule', periodMs: number): Promise<void> {
  const db = await getDb();
  const masters = trigger === 'start'
    ? await db.select({ id: connections.id }).from(connections).where(eq(connections.kind, 'master'))
    : (await mastersDue(db, periodMs)).filter((m) => m.due);
  for (const master of masters) {
    if (isDraining()) return;
    try {
      await runRefresh(master.id, trigger);
    } catch (error) {
      // Another instance (or a manual refresh) holds this master: its run counts for this tick.
      if (error instanceof RefreshBusyError) {
        if (trigger === 'start') log.info({ masterId: master.id, refreshId: error.runId }, 'start-up refresh skipped: that run is in progress on a live instance');
      } else log.error({ masterId: master.id, trigger, err: error }, 'refresh failed');
    }
  }
}

/** Refreshes every master once at start, then every REFRESH_INTERVAL_SECONDS while the app runs. */
export function startRefreshScheduler(): void {
  if (holder.__marginwatchScheduler) return;
  const periodMs = getEnv().REFRESH_INTERVAL_SECONDS * 1000;
  let running = false;
  const tick = (trigger: 'start' | 'schedule') => {
    if (running || isDraining()) return; // a slow refresh never piles up behind itself
    running = true;
    refreshAllMasters(trigger, periodMs)
      .then(() => pruneAudit(getEnv().AUDIT_RETENTION_DAYS))
      .catch((error) => logger('audit').error({ err: error }, 'pruning failed'))
      .finally(() => (running = false));
  };
  holder.__marginwatchScheduler = setInterval(() => tick('schedule'), periodMs);
  tick('start');
}

/** Stops scheduling refreshes (shutdown); a running one is drained by the caller. */
export function stopRefreshScheduler(): void {
  clearInterval(holder.__marginwatchScheduler);
  holder.__marginwatchScheduler = undefined;
}
