import 'server-only';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { ALLOWED_FROM, confirmationMatches, CONFIRM_WORD, refuseCommand, type Command, type RunPhase } from '@/lib/exit';
import { ApiError, conflict, notFound } from '../api/errors';
import type { AuditActor } from '../audit';
import type { Db } from '../db/client';
import { track } from '../lifecycle';
import { stepContext, type ExitHooks } from './context';
import { deleteKeysStep } from './delete-step';
import { exitStep } from './exit-step';
import { refreshAfterChange } from '../refresh/refresh-after-change';
import { ActiveRunExistsError, claimForCommand, claimLapsed, finishStep, insertRun, leaseHeld, loadRun, needsResume, renewLease, type RunRow } from './store';
import { logger } from '../log/logger';

/** A step renews its lease on every exchange call; a lease this old means its instance died (choice). */
const DEFAULT_LEASE_MS = 30_000;
/** After a failed confirmation read, the run is left to be taken up again after this long. */
const CONFIRM_RETRY_MS = 10_000;

const SYSTEM: AuditActor = { id: null, email: 'exit orchestrator (resumed run)', role: null };

export interface ExitOrchestratorOptions {
  db: Db;
  hooks?: ExitHooks;
  leaseMs?: number;
  instanceId?: string;
}

/** Work started by a command or a resume; `done` settles when the step has ended (tests and scripts await it). */
export interface Started {
  run: RunRow;
  done: Promise<void>;
}

export function exitOrchestrator(opts: ExitOrchestratorOptions) {
  const { db } = opts;
  const hooks = opts.hooks ?? {};
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const owner = opts.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const lease = () => ({ owner, until: new Date(Date.now() + leaseMs) });

  function work(run: RunRow, actor: AuditActor, step: (ctx: ReturnType<typeof stepContext>) => Promise<void>): Promise<void> {
    const ctx = stepContext({ db, run, hooks, actor, owner, leaseMs });
    // Tracked: a stopping process waits for the step to record where it stands (docs/production.md).
    return track(step(ctx).catch(async (error) => {
      // Unexpected (database gone…): leave the lease to lapse so another instance takes the run over.
      logger('exit').error({ exitRunId: run.id, err: error }, 'exit step failed');
    }));
  }

  async function deletion(ctx: ReturnType<typeof stepContext>, retryFailed: boolean) {
    const phase = await deleteKeysStep(ctx, retryFailed);
    await finishStep(db, ctx.run.id, owner, phase, phase !== 'deleting');
    if (phase === 'keys_deleted') await refreshAfterChange(db, ctx.run.masterId, ctx.actor.email);
  }

  async function exiting(ctx: ReturnType<typeof stepContext>) {
    if (!(await exitStep(ctx))) {
      await renewLease(db, ctx.run.id, { owner, until: new Date(Date.now() + CONFIRM_RETRY_MS) });
      return;
    }
    await finishStep(db, ctx.run.id, owner, 'done', true);
    await refreshAfterChange(db, ctx.run.masterId, ctx.actor.email);
  }

  async function command(runId: string, name: Command, seen: number, to: RunPhase): Promise<RunRow> {
    const claimed = await claimForCommand(db, runId, seen, ALLOWED_FROM[name], to, lease());
    if (claimed) return claimed;
    const loaded = await loadRun(db, runId);
    if (!loaded) throw notFound('The exit run');
    const refusal = refuseCommand({ phase: loaded.run.phase, version: loaded.run.version, working: leaseHeld(loaded.run) }, name, seen);
    throw conflict(refusal?.message ?? 'This exit run changed while the command was being applied; nothing was changed. Reload to see where it stands.');
  }

  return {
    /** Creates the run for the chosen accounts and starts step 1. */
    async start(masterId: string, emails: string[], actor: AuditActor): Promise<Started> {
      let runId: string;
      try {
        runId = await insertRun(db, masterId, emails, actor, lease());
      } catch (error) {
        if (error instanceof ActiveRunExistsError) throw conflict(error.message);
        throw error;
      }
      const run = (await loadRun(db, runId))!.run;
      await stepContext({ db, run, hooks, actor, owner, leaseMs }).audit('exit.start', { accounts: emails });
      return { run, done: work(run, actor, (ctx) => deletion(ctx, false)) };
    },

    /** The owner's retry of step 1 after per-key failures. */
    async retryDeletion(runId: string, seen: number, actor: AuditActor): Promise<Started> {
      const run = await command(runId, 'delete_keys', seen, 'deleting');
      await stepContext({ db, run, hooks, actor, owner, leaseMs }).audit('exit.retry_deletion', { version: seen });
      return { run, done: work(run, actor, (ctx) => deletion(ctx, true)) };
    },

    /** Step 2, after the typed confirmation. */
    async exit(runId: string, seen: number, typed: string, actor: AuditActor): Promise<Started> {
      const loaded = await loadRun(db, runId);
      if (!loaded) throw notFound('The exit run');
      const count = loaded.accounts.length;
      if (!confirmationMatches(typed, count)) {
        throw new ApiError(422, 'confirmation', `Type ${CONFIRM_WORD} (or ${count}, the number of accounts) to confirm the exit; nothing was sent.`);
      }
      const run = await command(runId, 'exit', seen, 'exiting');
      await stepContext({ db, run, hooks, actor, owner, leaseMs }).audit('exit.confirmed_by_owner', { typed: typed.trim(), accounts: count });
      return { run, done: work(run, actor, exiting) };
    },

    async cancel(runId: string, seen: number, actor: AuditActor): Promise<RunRow> {
      const run = await command(runId, 'cancel', seen, 'cancelled');
      await finishStep(db, runId, owner, 'cancelled', false);
      await stepContext({ db, run, hooks, actor, owner, leaseMs }).audit('exit.cancel', { phase: run.phase });
      return run;
    },

    /**
     * Takes over a run whose instance stopped (its lease lapsed) and finishes the step it was in: pending
     * and in-doubt deletions (not the failed ones, which wait for the owner's retry), or the exit step.
     */
    async resume(runId: string): Promise<Started | null> {
      const loaded = await loadRun(db, runId);
      if (!loaded || !needsResume(loaded)) return null;
      const run = await claimLapsed(db, runId, lease());
      if (!run) return null;
      if (run.phase === 'exiting') return { run, done: work(run, SYSTEM, exiting) };
      return { run, done: work(run, SYSTEM, (ctx) => deletion(ctx, false)) };
    },
  };
}

export type ExitOrchestrator = ReturnType<typeof exitOrchestrator>;
