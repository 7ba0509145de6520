'use client';

import { useState } from 'react';
import { defaultSelection } from '@/lib/exit';
import type { ExitOverview, ExitReviewAccount } from '@/lib/contracts/exit';
import { countOf, formatAge, formatDateTime } from '@/lib/format';
import { BindingVerdict } from '@/components/accounts/binding-verdict';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';
import { ConfirmDeleteKeys } from './confirm-delete-keys';
import { RepayDialog, type RepayChoice } from './repay-dialog';
import { RepayForm } from './repay-form';
import { button, notice } from '@/components/ui/controls';
import { useStartRun } from './use-exit';
import { AccountName } from '@/components/labels/account-name';
import { ClockIcon, NoIcon } from '@/components/ui/icons';

/** Step 0: choose the accounts; blocked ones say what to do, excluded ones why they are not in the run. */
export function ReviewStep({ overview, canRun, onStarted }: { overview: ExitOverview; canRun: boolean; onStarted: (runId: string) => void }) {
  const ready = overview.accounts.filter((a) => a.verdict.kind === 'ready');
  const blocked = overview.accounts.filter((a) => a.verdict.kind === 'blocked');
  const excluded = overview.accounts.filter((a) => a.verdict.kind === 'excluded');
  // Deselections are kept rather than selections, so an account that becomes ready (after a repay) is chosen by default.
  const [deselected, setDeselected] = useState<Set<string>>(() => new Set());
  const start = useStartRun();
  const [confirming, setConfirming] = useState(false);
  // Held here, not in the form: a repay can unblock the account, and its outcome must stay on screen when it moves.
  const [repaying, setRepaying] = useState<RepayChoice | null>(null);
  const selected = defaultSelection(overview.accounts).filter((email) => !deselected.has(email));

  if (overview.accounts.length === 0) {
    return <EmptyState title="No account data yet">The exit review needs a finished refresh of the master. It runs at start and every minute.</EmptyState>;
  }
  return (
    <div className="space-y-6">
      {overview.dataAt && (
        <p className="text-xs text-slate-500">
          Figures from the refresh of {formatDateTime(overview.dataAt)} ({formatAge(overview.dataAt)} ago). Each step re-reads the accounts from the exchange before acting.
        </p>
      )}
      <Card title={`Can exit now (${ready.length})`}>
        {ready.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No bound account can exit right now: see what blocks each one below.</p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {ready.map((a) => (
              <li key={a.email} className="flex flex-wrap items-start gap-3 py-3">
                <input
                  id={`pick-${a.email}`}
                  type="checkbox"
                  className="mt-1 h-4 w-4"
                  disabled={!canRun}
                  checked={!deselected.has(a.email)}
                  onChange={(e) => setDeselected((s) => { const next = new Set(s); if (e.target.checked) next.delete(a.email); else next.add(a.email); return next; })}
                  aria-label={`Include ${a.email}`}
                />
                <label htmlFor={`pick-${a.email}`} className="min-w-0 flex-1">
                  <AccountFacts a={a} />
                </label>
              </li>
            ))}
          </ul>
        )}
        {canRun && ready.length > 0 && (
          <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4 dark:border-slate-800">
            <button type="button" className={button.primary} disabled={selected.length === 0 || start.isPending} onClick={() => { start.reset(); setConfirming(true); }}>
              {`Step 1: delete the special keys of ${countOf(selected.length, 'account')}…`}
            </button>
            <span className="text-xs text-slate-500">Deleting the keys alone is not enough: step 2, the exit, follows.</span>
          </div>
        )}
      </Card>
      {confirming && (
        <ConfirmDeleteKeys
          accounts={overview.accounts.filter((a) => selected.includes(a.email))}
          dataAt={overview.dataAt}
          pending={start.isPending}
          error={start.isError ? start.error.message : null}
          onConfirm={() => start.mutate(selected, { onSuccess: (v) => onStarted(v.id) })}
          onClose={() => setConfirming(false)}
        />
      )}
      {repaying && <RepayDialog choice={repaying} onClose={() => setRepaying(null)} />}

      {blocked.length > 0 && (
        // Not every blocked account is known to be bound (no key stored: binding unknown); each says its own verdict.
        <Card title={`Blocked (${blocked.length})`}>
          <ul className="space-y-4" aria-label="Blocked accounts">
            {blocked.map((a) => (
              <li key={a.email} className={notice.warn} data-testid={`blocked-${a.email}`}>
                <AccountFacts a={a} />
                <ul className="mt-2 list-disc space-y-1 pl-5">
                  {a.verdict.kind === 'blocked' && a.verdict.blockers.map((b, i) => <li key={i}><NoIcon />{b.message}</li>)}
                </ul>
                {a.verdict.kind === 'blocked' && !a.verdict.blockers.some((b) => b.code === 'no_key' || b.code === 'key_permission') && a.liabilities.length > 0 && (
                  <div className="mt-3 space-y-2">
                    {a.liabilities.map((l) => (
                      <RepayForm key={`${l.kind}-${l.asset}`} account={a.email} liability={l} canRun={canRun} onRepay={(amount) => setRepaying({ account: a.email, liability: l, liabilities: a.liabilities, amount })} />
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card title={`Not part of the run (${excluded.length})`}>
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800" aria-label="Excluded accounts">
          {excluded.map((a) => (
            <li key={a.email} className="py-2" data-testid={`excluded-${a.email}`}>
              <span className="font-medium"><AccountName email={a.email} /></span>
              <p className="text-slate-600 dark:text-slate-400">{a.verdict.kind === 'excluded' ? a.verdict.reason : ''}</p>
              <div className="mt-1.5"><BindingVerdict binding={a.binding} account={a.email} compact /></div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

function AccountFacts({ a }: { a: ExitReviewAccount }) {
  return (
    <div className="text-sm">
      <p>
        <span className="font-semibold"><AccountName email={a.email} /></span>
        <span className="ml-2 text-xs text-slate-500">{a.mode.replace('_', ' ')}</span>
        <span className="ml-2 text-xs">
          special keys now: <span className="num font-medium">{a.specialKeys ?? 'unknown (see the verdict below)'}</span>
        </span>
        {a.stale && <span className="ml-2 text-xs font-medium text-amber-700"><ClockIcon />stale data</span>}
      </p>
      {/* The same verdict, reason and evidence as the account page and the Keys page (docs/domain.md#binding). */}
      <div className="mt-1.5"><BindingVerdict binding={a.binding} account={a.email} compact /></div>
      {a.liabilities.length === 0 ? <p className="text-xs text-slate-500">No liability.</p> : null}
    </div>
  );
}
