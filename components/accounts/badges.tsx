import type { AccountStatus, ApplicabilityRule } from '@/lib/risk';
import { RULE_LABEL, statusLabel } from '@/lib/risk-labels';
import { ClockIcon, OkIcon, StatusIcon, WarnIcon } from '@/components/ui/icons';

export const TONE: Record<'ok' | 'warn' | 'danger' | 'muted', string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-400/30',
  warn: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/50 dark:text-amber-200 dark:ring-amber-400/30',
  danger: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-400/30',
  muted: 'bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-400/20',
};

/** The rule in a few words for the table's second line; the full label is in the tooltip and the detail page. */
const RULE_SHORT: Record<ApplicabilityRule, string> = {
  BOUND_SPECIAL_KEY: 'special key created',
  BOUND_ISOLATED_SPECIAL_KEY: 'isolated key: treated bound',
  BOUND_LIQUIDATION_LOAN: 'LiquidationLoan booked',
  BOUND_KEYS_DELETED_EXIT_UNCONFIRMED: 'keys deleted, no exit',
  NOT_BOUND: 'standard liquidation',
  PM_PRO_BOUND: 'Portfolio Margin Pro',
  ISOLATED_NEVER: 'isolated: standard',
  UNSUPPORTED_PRODUCT: 'unsupported product',
  UNKNOWN_NO_KEY: 'no key stored',
  UNKNOWN_READ_ONLY_KEY: 'key can only read',
  UNKNOWN_NOT_READ: 'never read',
  UNKNOWN_MODE: 'mode unreadable',
};

// A long status ("Liquidated — loan outstanding") wraps inside its badge rather than spilling out of a narrow cell or card.
const badge = 'inline-flex max-w-full items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset';

/** The status with the exchange field it was decided from in the tooltip (lib/risk/status.ts). */
export function StatusBadge({ status, source }: { status: AccountStatus; source?: string }) {
  const s = statusLabel(status);
  return (
    <span className={`${badge} ${TONE[s.tone]}`} title={source ? `${s.meaning} From: ${source}.` : s.meaning}>
      <StatusIcon symbol={s.icon} className="mr-0" />
      {s.label}
    </span>
  );
}

/** Bound or not, in words and a symbol: colour is never the only signal. */
export function BindingBadge({ bound, rule, full = false }: { bound: boolean | null; rule: ApplicabilityRule; full?: boolean }) {
  const [icon, word, tone] = bound === true ? [<WarnIcon key="i" className="mr-0" />, 'Bound', 'danger'] : bound === false ? [<OkIcon key="i" className="mr-0" />, 'Not bound', 'ok'] : ['?', 'Unknown', 'warn'];
  return (
    <span className="inline-flex min-w-0 flex-col items-start gap-0.5">
      <span className={`${badge} ${TONE[tone as keyof typeof TONE]}`}>
        <span aria-hidden>{icon}</span>
        {word}
      </span>
      <span className={`text-xs text-slate-600 dark:text-slate-400 ${full ? '' : 'line-clamp-2'}`} title={RULE_LABEL[rule]}>
        {full ? RULE_LABEL[rule] : RULE_SHORT[rule]}
      </span>
    </span>
  );
}

export function StaleBadge({ error }: { error: string | null }) {
  return (
    <span className={`${badge} ${TONE.warn}`} title={error ?? 'The last refresh could not read this account; showing older data.'}>
      <ClockIcon className="mr-0" />Stale
    </span>
  );
}
