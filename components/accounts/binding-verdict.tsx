import { BindingBadge } from './badges';
import type { BindingView } from '@/lib/contracts/binding';

/**
 * The binding verdict with its reason and evidence: the one rendering the account page, the Keys page and the
 * exit wizard share, so an account's binding is told in the same words everywhere (docs/domain.md#binding).
 */
export function BindingVerdict({ binding, account, compact = false }: { binding: BindingView; account: string; compact?: boolean }) {
  return (
    <div data-testid="binding-verdict" data-account={account} className="min-w-0">
      <div className={`flex flex-wrap items-start ${compact ? 'gap-2' : 'gap-4'}`}>
        <BindingBadge bound={binding.bound} rule={binding.rule} full />
        <p className={`min-w-[min(16rem,100%)] flex-1 ${compact ? 'text-xs text-slate-700 dark:text-slate-300' : 'text-sm'}`} data-testid="rule-reason">{binding.reason}</p>
      </div>
      {binding.evidence.length > 0 && (
        <ul className={`${compact ? 'mt-1.5' : 'mt-3'} list-disc space-y-0.5 pl-5 text-xs text-slate-600 dark:text-slate-400`} aria-label="Evidence for the binding verdict" data-testid="binding-evidence">
          {binding.evidence.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
    </div>
  );
}
