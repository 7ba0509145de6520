import type { InventoryAccount } from '@/lib/contracts/keys';

/** `n / 30` with a bar; "≥ n" when the count is a lower bound (the exchange's list was not read). */
export function QuotaMeter({ quota }: { quota: InventoryAccount['quota'] }) {
  const pct = Math.min(100, (quota.count / quota.limit) * 100);
  const bar = quota.count >= quota.limit ? 'bg-red-600' : quota.near ? 'bg-amber-500' : 'bg-slate-500';
  return (
    <div className="flex items-center gap-2" data-testid="quota">
      <div className="h-2 w-24 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden>
        <div className={`h-full ${bar}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="num text-sm font-medium">
        {quota.complete ? '' : '≥ '}
        {quota.count} / {quota.limit} keys
      </span>
      {!quota.complete && <span className="text-xs text-slate-500 dark:text-slate-400">(lower bound)</span>}
    </div>
  );
}
