import 'server-only';
import { closeDatabase } from './db/client';
import { stopExitResumer } from './exit/resumer';
import { beginDrain, pendingWork, settleWork } from './lifecycle';
import { stopRefreshScheduler } from './refresh/scheduler';
import { stopLiveSupervisor } from './live/supervisor';
import { logger } from './log/logger';

const log = logger('shutdown');

/**
 * How long a stop waits for running work. A refresh stops taking accounts at once and an exit step's
 * calls each time out well within this; whatever is still running after it is resumed by the next
 * instance from its recorded state (lease, heartbeat), exactly as after a crash.
 */
const DRAIN_TIMEOUT_MS = 25_000;

/**
 * SIGTERM/SIGINT for the Next.js server process (the launcher sets NEXT_MANUAL_SIG_HANDLE so Next leaves
 * them to us): drain, close the database, exit 0. docs/production.md, Process life.
 */
export function installShutdown(): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C reaches this process both directly and through the launcher.
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    log.info({ signal, running: pendingWork() }, `${signal}: draining, no new refresh, exit step or change starts`);
    beginDrain();
    stopRefreshScheduler();
    stopExitResumer();
    const settled = await settleWork(DRAIN_TIMEOUT_MS);
    // After the drain, before the database closes: each hub writes its due live history first.
    await stopLiveSupervisor().catch((error: unknown) => log.error({ err: error }, 'stopping the live streams failed'));
    if (!settled) log.warn({ running: pendingWork(), drainTimeoutMs: DRAIN_TIMEOUT_MS }, 'work still running after the drain timeout: left to be resumed from its recorded state');
    try {
      await closeDatabase();
    } catch (error) {
      log.error({ err: error }, 'closing the database failed');
      process.exit(1);
    }
    log.info({ durationMs: Date.now() - started }, `drained and closed in ${Date.now() - started} ms`);
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));
}
