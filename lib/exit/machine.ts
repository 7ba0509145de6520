import { countOf } from '@/lib/format';
import type { AccountReread, AccountStage, Command, KeyStatus, RunPhase } from './types';
import { FINISHED_PHASES } from './types';

export interface RunState {
  phase: RunPhase;
  version: number;
  /** A step is being worked on by some instance (its lease has not expired). */
  working: boolean;
}

export type Refusal = { code: 'stale' | 'finished' | 'busy' | 'wrong_phase'; message: string };

/** The phases each command may start from. delete_keys from `deleting` is the retry after per-key failures. */
export const ALLOWED_FROM: Record<Command, readonly RunPhase[]> = {
  delete_keys: ['deleting'],
  exit: ['keys_deleted'],
  cancel: ['deleting', 'keys_deleted'],
};

/**
 * Optimistic concurrency: a command names the version of the run the person saw. A second tab, a double
 * click or a stale page acting on a run that has moved on is refused, and nothing happens.
 */
export function refuseCommand(run: RunState, command: Command, seenVersion: number): Refusal | null {
  if (FINISHED_PHASES.includes(run.phase)) {
    return { code: 'finished', message: `This exit run is ${run.phase === 'done' ? 'finished' : 'cancelled'}; nothing was changed. Start a new run from the review.` };
  }
  if (seenVersion !== run.version) {
    return { code: 'stale', message: `This exit run changed since this page loaded it (you saw version ${seenVersion}, it is at ${run.version}); nothing was changed. Reload to see where it stands.` };
  }
  if (run.working) return { code: 'busy', message: 'A step of this exit run is in progress; wait for it to finish.' };
  if (!ALLOWED_FROM[command].includes(run.phase)) {
    return { code: 'wrong_phase', message: `"${command}" is not possible while the run is at "${run.phase}"; nothing was changed.` };
  }
  return null;
}

export function commandsAvailable(run: RunState): Command[] {
  return (Object.keys(ALLOWED_FROM) as Command[]).filter((c) => refuseCommand(run, c, run.version) === null);
}

/** Step 1 ends only when every chosen account's list is empty (docs/domain.md#exit). */
export function phaseAfterDeletion(stages: AccountStage[]): RunPhase {
  return stages.length > 0 && stages.every((s) => s === 'keys_deleted') ? 'keys_deleted' : 'deleting';
}

/** An account's step 1 outcome from its keys and a fresh re-read of its list. */
export function stageAfterDeletion(keys: KeyStatus[], listedNow: number): AccountStage {
  return listedNow === 0 && keys.every((k) => k === 'deleted') ? 'keys_deleted' : 'deleting';
}

/**
 * A deletion recorded as `deleting` but never as `deleted` (the instance died, or the answer was lost) is
 * resolved by the key list, never by sending the DELETE blindly again: gone from the list means deleted;
 * still listed means the DELETE never took effect, so it is pending again.
 */
export function resolveInDoubtDeletion(apiKey: string, listedNow: ReadonlySet<string>): KeyStatus {
  return listedNow.has(apiKey) ? 'pending' : 'deleted';
}

/**
 * When a list read can settle a deletion marked `deleting` at `markedAt`: a DELETE whose answer was lost (a
 * timeout) or whose sender died may still be on its way, and the exchange accepts it until its recvWindow has
 * passed, plus the 1 s Binance allows a timestamp to run ahead. A key still listed before then is not yet proof
 * that the DELETE failed: re-sending it then could delete it twice.
 */
export function inDoubtConclusiveAt(markedAtMs: number, recvWindowMs: number): number {
  return markedAtMs + recvWindowMs + 1000;
}

/**
 * IN_DOUBT_EXIT_POLICY — an exit recorded as `exit_sending` without an answer is **never re-sent**. No
 * Binance endpoint tells whether an account is still in special-key mode, and after step 1 the key list is
 * empty either way, so the account is re-read and the exit is accepted as sent when the re-read meets
 * everything the exit needs and produces (no special key, no liability), then confirmed from that re-read.
 * Residual window: if the instance died after writing `exit_sending` and before the request left this
 * machine (one clock-synced, budget-approved send: milliseconds), the account would be recorded as exited
 * while still in special-key mode. We accept that window rather than a second exit call for the account.
 * A re-read that shows keys or liabilities marks the account failed with what it saw; nothing is sent.
 */
export function resolveInDoubtExit(reread: AccountReread): { stage: 'exit_sent' } | { stage: 'failed'; reason: string } {
  const problem = unconfirmedBecause(reread);
  return problem ? { stage: 'failed', reason: `exit in doubt and not re-sent: ${problem}` } : { stage: 'exit_sent' };
}

/**
 * Binance answers `{}` even for an account that was not in special-key mode, so the answer proves nothing:
 * the exit is confirmed only by a re-read showing no special key and no liability (docs/domain.md#exit).
 */
export function confirmFromReread(reread: AccountReread): { stage: 'confirmed' } | { stage: 'failed'; reason: string } {
  const problem = unconfirmedBecause(reread);
  return problem ? { stage: 'failed', reason: `not confirmed: ${problem}` } : { stage: 'confirmed' };
}

function unconfirmedBecause(reread: AccountReread): string | null {
  const parts: string[] = [];
  if (reread.specialKeys.length > 0) parts.push(`${countOf(reread.specialKeys.length, 'special key')} still listed`);
  if (reread.liabilities.length > 0) parts.push(`liabilities remain (${reread.liabilities.join(', ')})`);
  return parts.length ? parts.join('; ') : null;
}

/** Binance's default cooldown after an exit: no new special key on the account for 24 h. */
export const EXIT_COOLDOWN_MS = 24 * 3_600_000;

export function cooldownEndsAt(confirmedAt: Date): Date {
  return new Date(confirmedAt.getTime() + EXIT_COOLDOWN_MS);
}
