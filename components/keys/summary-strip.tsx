import type { KeyInventory } from '@/lib/contracts/keys';

export function SummaryStrip({ summary }: { summary: KeyInventory['summary'] }) {
  const items: [string, number, string][] = [
    ['Keys', summary.keys, 'every key counted against the 30-key limits'],
    ['Special keys', summary.special, 'live Margin Special keys'],
    ['Accounts flagged', summary.flagged, 'accounts with at least one flag'],
    ['Near the limit', summary.nearLimit, 'accounts at or within 3 of 30 keys'],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="keys-summary">
      {items.map(([label, value, hint]) => (
        <div key={label} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm dark:border-slate-800 dark:bg-slate-900" title={hint}>
          <dt className="text-xs font-medium text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="num text-2xl font-semibold">{value.toLocaleString('en-US')}</dd>
        </div>
      ))}
    </dl>
  );
}
