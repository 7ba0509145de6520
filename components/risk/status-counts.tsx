import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { ACCOUNT_STATUSES, type ApplicabilityRule } from '@/lib/risk';
import { RULE_LABEL, STATUS_LABEL } from '@/lib/risk-labels';
import type { OverviewData } from '@/lib/contracts/overview';
import { TONE_TEXT } from './tone';
import { StatusIcon } from '@/components/ui/icons';

const RULE_ORDER: ApplicabilityRule[] = [
  'BOUND_SPECIAL_KEY', 'BOUND_ISOLATED_SPECIAL_KEY', 'BOUND_LIQUIDATION_LOAN', 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED', 'PM_PRO_BOUND', 'UNSUPPORTED_PRODUCT',
  'UNKNOWN_NO_KEY', 'UNKNOWN_READ_ONLY_KEY', 'UNKNOWN_NOT_READ', 'UNKNOWN_MODE', 'NOT_BOUND', 'ISOLATED_NEVER',
];

/** Accounts per status and per LiquidationLoan rule; empty rows are left out. */
export function StatusCounts({ counts }: { counts: OverviewData['counts'] }) {
  return (
    <Card title="Accounts">
      <dl className="space-y-1.5 text-sm" aria-label="Accounts per status">
        {ACCOUNT_STATUSES.filter((s) => (counts.byStatus[s] ?? 0) > 0).map((s) => {
          const l = STATUS_LABEL[s];
          return (
            <div key={s} className="flex justify-between gap-3">
              <dt className={TONE_TEXT[l.tone]}>
                <Link href={`/accounts?status=${s}`} className="hover:underline">
                  <StatusIcon symbol={l.icon} />{l.label}
                </Link>
              </dt>
              <dd className="num font-semibold">{counts.byStatus[s]}</dd>
            </div>
          );
        })}
      </dl>
      <p className="mt-4 mb-1.5 border-t border-slate-200 pt-3 text-xs font-semibold text-slate-600 dark:border-slate-700 dark:text-slate-300">
        LiquidationLoan rule: <Link className="hover:underline" href="/accounts?bound=bound">{counts.bound} bound</Link> ·{' '}
        <Link className="hover:underline" href="/accounts?bound=not-bound">{counts.notBound} not bound</Link> ·{' '}
        <Link className="hover:underline" href="/accounts?bound=unknown">{counts.unknown} unknown</Link>
      </p>
      <dl className="space-y-1 text-xs" aria-label="Accounts per rule">
        {RULE_ORDER.filter((r) => counts.byRule[r] > 0).map((r) => (
          <div key={r} className="flex justify-between gap-3">
            <dt className="text-slate-600 dark:text-slate-300">{RULE_LABEL[r]}</dt>
            <dd className="num font-medium">{counts.byRule[r]}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
