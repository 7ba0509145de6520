import 'server-only';
import type { AuditAction } from '@/lib/audit-actions';
import { findSubKey } from '../connections/store';
import type { Db } from '../db/client';
import { ExchangeError, type ExchangeClient } from '../exchange';
import { clientFor } from '../exchange-clients';
import { type AuditActor, writeAudit } from '../audit';
import { renewLease, runTarget, type RunRow } from './store';
import { errorText } from '../log/redact';

/**
 * Points where a test may stop the orchestrator's process (crash tests): each sits between an exchange
 * call that was answered and the database write that records it, the windows resumption must survive.
 */
export interface ExitHooks {
  afterDeleteSent?(at: { runId: string; email: string; apiKey: string }): void | Promise<void>;
  afterExitSent?(at: { runId: string; email: string }): void | Promise<void>;
  beforeConfirmationRecorded?(at: { runId: string; email: string }): void | Promise<void>;
}

/** Everything a step needs: the run, this instance's lease, the account clients and the audit trail. */
export interface StepContext {
  db: Db;
  run: RunRow;
  hooks: ExitHooks;
  actor: AuditActor;
  heartbeat(): Promise<void>;
  clientOf(email: string): Promise<ExchangeClient | null>;
  audit(action: AuditAction, after: Record<string, unknown>): Promise<void>;
}

export function stepContext(args: { db: Db; run: RunRow; hooks: ExitHooks; actor: AuditActor; owner: string; leaseMs: number }): StepContext {
  const { db, run, actor, owner, leaseMs } = args;
  const clients = new Map<string, ExchangeClient | null>();
  return {
    db,
    run,
    hooks: args.hooks,
    actor,
    heartbeat: () => renewLease(db, run.id, { owner, until: new Date(Date.now() + leaseMs) }),
    async clientOf(email) {
      if (!clients.has(email)) {
        const row = await findSubKey(db, run.masterId, email);
        clients.set(email, row ? clientFor(row) : null);
      }
      return clients.get(email)!;
    },
    audit: (action, after) => writeAudit({ actor, action, target: runTarget(run.id), after }),
  };
}

/** The exchange may or may not have acted (timeout, lost connection, 5xx): settle by re-reading, never re-send. */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof ExchangeError && !error.neverSent && (error.code === 'TIMEOUT' || error.code === 'NETWORK' || error.code === 'SERVER_ERROR');
}

/** No connection was made: nothing reached the exchange, so the call may simply be made again later. */
export function neverSent(error: unknown): boolean {
  return error instanceof ExchangeError && error.neverSent;
}

export function messageOf(error: unknown): string {
  if (error instanceof ExchangeError && error.exchangeMessage) return `${error.message} (exchange: ${error.exchangeMessage})`;
  return errorText(error);
}

export const NO_KEY_REASON = 'No normal key of this account is stored: its special keys cannot be listed or deleted, nor the exit called.';
