'use client';

import type { ExitRunView } from '@/lib/contracts/exit';
import { countOf, formatDateTime } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { ErrorState, TableSkeleton } from '@/components/ui/states';
import { AccountOutcome } from './account-outcome';
import { ConfirmExit } from './confirm-exit';
import { KeyProgress } from './key-progress';
import { RunAudit } from './run-audit';
import { RunSteps } from './run-steps';
import { button, notice } from '@/components/ui/controls';
import { useExitRun, useRunCommand } from './use-exit';
import { BusyIcon, WarnIcon } from '@/components/ui/icons';

export function RunPanel({ runId, canRun, onClose }: { runId: string; canRun: boolean; onClose: () => void }) {
  const query = useExitRun(runId);
  if (query.isPending) return <TableSkeleton rows={4} />;
  if (query.isError) return <ErrorState message={query.error.message} onRetry={() => query.refetch()} />;
  return <RunView run={query.data} canRun={canRun} onClose={onClose} />;
}

function RunView({ run, canRun, onClose }: { run: ExitRunView; canRun: boolean; onClose: () => void }) {
  const retry = useRunCommand(run, 'delete-keys');
  const cancel = useRunCommand(run, 'cancel');
  const resume = useRunCommand(run, 'resume');
  const finished = run.phase === 'done' || run.phase === 'cancelled';
  const exited = run.accounts.filter((a) => a.stage === 'confirmed').length;
  const failedKeys = run.accounts.flatMap((a) => a.keys).filter((k) => k.status === 'failed').length;
  const actions = canRun && !run.working;
  return (
    <div className="space-y-5" data-testid="exit-run" data-phase={run.phase} data-version={run.version}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <RunSteps run={run} />
        <p className="text-xs text-slate-500">
          Run started {formatDateTime(run.createdAt)} by {run.createdByEmail ?? 'unknown'}
          {run.working && <span className="ml-2 font-medium text-sky-700 dark:text-sky-400"><BusyIcon />working…</span>}
        </p>
      </div>
      {!canRun && <p className={notice.warn}>Read-only: your role can watch this run but not act on it.</p>}
      {run.stalled && (
        <div className={notice.warn} data-testid="run-stalled">
          <p>The instance working on this step stopped before finishing it. It is taken up again automatically within a minute.</p>
          {canRun && (
            <button type="button" className={`${button.quiet} mt-2`} disabled={resume.isPending} onClick={() => resume.mutate({})}>
              Resume now
            </button>
          )}
          {resume.isError && <p role="alert" className="mt-1 text-sm font-medium text-red-700"><WarnIcon />{resume.error.message}</p>}
        </div>
      )}

      {run.phase === 'keys_deleted' && (
        <div className={notice.danger} role="alert" data-testid="still-bound">
          <p className="text-base font-bold"><WarnIcon />The special keys are gone, but the accounts are STILL BOUND.</p>
          <p className="mt-1">
            Deleting the keys alone is not enough: until step 2 (the exit) is called and confirmed, a forced liquidation that leaves a deficit still becomes a
            LiquidationLoan you must repay in full.
          </p>
        </div>
      )}

      {finished && (
        <div className={exited === run.accounts.length && run.phase === 'done' ? notice.ok : notice.warn} data-testid="run-summary">
          <p className="text-base font-semibold">
            {run.phase === 'cancelled' ? 'Run cancelled.' : `Run finished: ${exited} of ${countOf(run.accounts.length, 'account')} exited and confirmed.`}
          </p>
          <p className="mt-1">Accounts not confirmed below remain bound by the Supplemental Product Terms and the LiquidationLoan policy.</p>
          <div className="mt-3 flex gap-2">
            <button type="button" className={button.quiet} onClick={() => window.print()}>Print summary</button>
            <button type="button" className={button.quiet} onClick={onClose}>Back to the review</button>
          </div>
        </div>
      )}

      <Card title="Step 1 · special keys">
        <div className="divide-y divide-slate-100 dark:divide-slate-800">
          {run.accounts.map((a) => <KeyProgress key={a.email} account={a} />)}
        </div>
        {run.phase === 'deleting' && actions && (
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <button type="button" className={button.primary} disabled={retry.isPending} onClick={() => retry.mutate({})}>
              {failedKeys > 0 ? `Retry the ${countOf(failedKeys, 'failed deletion')}` : 'Retry step 1'}
            </button>
            {retry.isError && <p role="alert" className="text-sm font-medium text-red-700"><WarnIcon />{retry.error.message}</p>}
          </div>
        )}
      </Card>

      {(run.phase === 'exiting' || finished || run.phase === 'keys_deleted') && (
        <Card title="Step 2 · exit and confirmation">
          {run.phase === 'keys_deleted' && (canRun ? <ConfirmExit run={run} /> : <p className="text-sm">Waiting for an owner to confirm the exit.</p>)}
          {run.phase !== 'keys_deleted' && (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {run.accounts.map((a) => <AccountOutcome key={a.email} account={a} />)}
            </ul>
          )}
        </Card>
      )}

      {!finished && actions && run.commands.includes('cancel') && (
        <div className="flex items-center gap-2">
          <button type="button" className={button.quiet} disabled={cancel.isPending} onClick={() => cancel.mutate({})}>Cancel this run</button>
          <span className="text-xs text-slate-500">Accounts whose keys were deleted stay bound until a later run exits them.</span>
          {cancel.isError && <p role="alert" className="text-sm font-medium text-red-700"><WarnIcon />{cancel.error.message}</p>}
        </div>
      )}

      <Card title="Audit trail of this run">
        <RunAudit entries={run.audit} />
      </Card>
    </div>
  );
}
