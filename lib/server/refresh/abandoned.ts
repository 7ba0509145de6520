import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { refreshRuns } from '../db/schema';
import { judgeRun, thisInstance } from './liveness';
import { latestChanged } from '../db/latest-cache';

export interface Decision {
  runId: string;
  masterId: string;
  closed: boolean;
  reason: string;
}

/**
 * Closes the master's runs left "running" by a process that is gone (crash, kill, power cut) as
 * interrupted, so neither a manual refresh nor the start-up one waits for them; a run another live
 * instance holds is left alone. Every decision is returned for the log.
 */
export async function closeAbandonedRuns(db: Db, masterId?: string): Promise<Decision[]> {
  const running = await db
    .select({ id: refreshRuns.id, masterId: refreshRuns.masterId, instance: refreshRuns.instance, heartbeatAt: refreshRuns.heartbeatAt, errors: refreshRuns.errors })
    .from(refreshRuns)
    .where(masterId ? and(eq(refreshRuns.status, 'running'), eq(refreshRuns.masterId, masterId)) : eq(refreshRuns.status, 'running'));
  const decisions: Decision[] = [];
  for (const run of running) {
    const verdict = judgeRun(run, thisInstance(), Date.now());
    if (!verdict.alive) {
      const message = `interrupted: ${verdict.reason}; closed by the next instance, the accounts not read keep their last data`;
      await db
        .update(refreshRuns)
        .set({ status: 'failed', finishedAt: new Date(), currentStep: null, errors: [...run.errors, { account: null, step: 'interrupted', message }] })
        // Only while still running: another instance may have closed it meanwhile.
        .where(and(eq(refreshRuns.id, run.id), eq(refreshRuns.status, 'running')));
      latestChanged();
    }
    decisions.push({ runId: run.id, masterId: run.masterId, closed: !verdict.alive, reason: verdict.reason });
  }
  return decisions;
}

export function describeDecision(d: Decision): string {
  return d.closed ? `run ${d.runId} was left running (${d.reason}): closed as interrupted` : `run ${d.runId} is still running elsewhere (${d.reason}): left to it`;
}
