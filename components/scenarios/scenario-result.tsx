'use client';

import Decimal from 'decimal.js';
import Link from 'next/link';
import { AccountName } from '@/components/labels/account-name';
import { Figure } from '@/components/ui/figure';
import type { ScenarioRun } from '@/lib/contracts/scenarios';
import { countOf, formatAge, formatUsd } from '@/lib/format';
import { BOUND_NOTE, boundMark } from '@/lib/risk';
import type { AccountScenarioResult } from '@/lib/scenarios/per-asset';

const OUTCOME: Record<Exclude<AccountScenarioResult, { unknown: string }>['outcome'], { label: string; tone: string }> = {
  owed: { label: 'Owed as a LiquidationLoan', tone: 'text-red-700 dark:text-red-400' },
  could_be_owed: { label: 'Could be owed (binding unknown)', tone: 'text-amber-700 dark:text-amber-400' },
  collateral_lost: { label: 'Collateral lost, nothing owed', tone: 'text-slate-700 dark:text-slate-300' },
  none: { label: 'No deficit', tone: 'text-slate-500 dark:text-slate-400' },
};

/** What a scenario gives: the master's totals first, then every account, largest owed first. */
export function ScenarioResult({ run }: { run: ScenarioRun }) {
  const shown = run.accounts.filter((a) => !('unknown' in a) && (a.outcome !== 'none' || a.bound));
  const quiet = run.accounts.length - shown.length - run.unknownCount;
  return (
    <div className="space-y-4" data-testid="scenario-result">
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">The master could owe (estimate)</dt>
          <dd className={`text-2xl font-semibold ${new Decimal(run.owedUsd).isZero() ? '' : 'text-red-700 dark:text-red-400'}`}>
            <Figure>{formatUsd(run.owedUsd)}</Figure>
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">Deficit across all accounts (estimate)</dt>
          <dd className="text-2xl font-semibold">
            <Figure>{formatUsd(run.deficitUsd)}</Figure>
          </dd>
        </div>
      </dl>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {run.refreshedAt ? `On the balances read ${formatAge(run.refreshedAt)} ago, with prices moved as set and the liquidation cost included.` : 'No refresh has read the accounts yet.'}
        {run.unknownCount > 0 && ` ${run.unknownCount} account${run.unknownCount === 1 ? ' has' : 's have'} no figures and ${run.unknownCount === 1 ? 'is' : 'are'} left out of the totals (listed below).`}
        {run.boundedCount > 0 && ` ${run.boundedCount} figure${run.boundedCount === 1 ? ' is a bound' : 's are bounds'}: an asset has no price.`}
      </p>
      {shown.length === 0 && run.unknownCount === 0 ? (
        <p className="text-sm font-medium">No account runs a deficit in this scenario.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Accounts in this scenario">
          {[...shown, ...run.accounts.filter((a) => 'unknown' in a)].map((a) => (
            <li key={a.email} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 py-2" data-testid="scenario-account" data-email={a.email}>
              <Link href={`/accounts/${encodeURIComponent(a.email)}`} className="min-w-0 font-medium hover:underline">
                <AccountName email={a.email} />
              </Link>
              {'unknown' in a ? (
                <span className="text-sm text-amber-700 dark:text-amber-400">Unknown: {a.unknown}</span>
              ) : (
                <span className="flex flex-col sm:items-end sm:text-right">
                  <span className={`text-sm font-medium ${OUTCOME[a.outcome].tone}`}>{OUTCOME[a.outcome].label}</span>
                  <span className="text-sm">
                    Deficit <Figure title={a.bound ? BOUND_NOTE[a.bound] : undefined}>{`${boundMark(a.bound)}${formatUsd(a.deficitUsd)}`}</Figure>
                    {a.unpriced && <span className="text-xs text-slate-500 dark:text-slate-400"> · no price for {a.unpriced.join(', ')}</span>}
                  </span>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {quiet > 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{countOf(quiet, 'other account')}: no deficit in this scenario.</p>}
    </div>
  );
}
