import { FLAG_INFO, FLAG_ORDER } from '@/lib/keys/flags';
import { FlagBadge } from './flag-badge';

export function FlagLegend() {
  return (
    <details className="rounded-xl border border-slate-200 bg-white px-4 py-2 text-sm dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer font-medium">What the flags mean</summary>
      <ul className="mt-2 space-y-1.5">
        {FLAG_ORDER.map((f) => (
          <li key={f} className="flex flex-wrap items-baseline gap-2">
            <FlagBadge flag={f} />
            <span className="text-slate-600 dark:text-slate-400">{FLAG_INFO[f].explanation}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
