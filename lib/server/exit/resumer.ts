import 'server-only';
import { and, isNull, lt } from 'drizzle-orm';
import { getDb } from '../db/client';
import { isDraining } from '../lifecycle';
import { exitRuns } from '../db/schema';
import { exitOrchestrator, type ExitOrchestrator } from './orchestrator';
import { logger } from '../log/logger';

const log = logger('exit');

/** A little under the orchestrator's 30 s lease: a run left by a dead instance waits at most about a minute. */
const SWEEP_MS = 20_000;

const holder = globalThis as typeof globalThis & { __marginwatchExitResumer?: NodeJS.Timeout };

// The sweep's own orchestrator (its own lease owner), not the routes' shared one: instrumentation is a
// separate bundle, and objects it built would carry its copies of the error classes into route handlers.
let sweeper: Promise<ExitOrchestrator> | null = null;

/**
 * Unfinished runs whose lease lapsed: their instance stopped mid-step (crash, restart, deploy). Opening the
 * run also resumes it; this sweep finishes the step when nobody is looking, after a restart in particular.
 */
export async function resumeLapsedRuns(): Promise<number> {
  const db = await getDb();
  const lapsed = await db
    .select({ id: exitRuns.id })
    .from(exitRuns)
    .where(and(isNull(exitRuns.finishedAt), lt(exitRuns.leaseUntil, new Date())));
  sweeper ??= Promise.resolve(exitOrchestrator({ db }));
  const orchestrator = await sweeper;
  let resumed = 0;
  for (const { id } of lapsed) {
    if (isDraining()) break;
    const started = await orchestrator.resume(id);
    if (!started) continue;
    resumed++;
    await started.done;
  }
  return resumed;
}

export function startExitResumer(): void {
  if (holder.__marginwatchExitResumer) return;
  let running = false;
  const sweep = () => {
    if (running || isDraining()) return;
    running = true;
    resumeLapsedRuns()
      .then((n) => n > 0 && log.info({ runs: n }, `resumed ${n} run(s) left unfinished by a stopped instance`))
      .catch((error) => log.error({ err: error }, 'resume sweep failed'))
      .finally(() => (running = false));
  };
  holder.__marginwatchExitResumer = setInterval(sweep, SWEEP_MS);
  sweep();
}

/** Stops the sweep (shutdown); a step it started is drained by the caller. */
export function stopExitResumer(): void {
  clearInterval(holder.__marginwatchExitResumer);
  holder.__marginwatchExitResumer = undefined;
}
