import { FLAG_INFO } from '@/lib/keys/flags';
import type { KeyFlag } from '@/lib/contracts/keys';

// Danger flags carry a ⚠, binding flags a § (the terms): distinct by more than colour.
const TONE: Record<KeyFlag, { icon: string; className: string }> = {
  'near-limit': { icon: '▲', className: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/50 dark:text-amber-200' },
  'special-no-ip': { icon: '⚠', className: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950/50 dark:text-red-200' },
  withdrawals: { icon: '⚠', className: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950/50 dark:text-red-200' },
  'unsupported-product': { icon: '⚠', className: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950/50 dark:text-red-200' },
  'unmonitored-special': { icon: '?', className: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/50 dark:text-amber-200' },
  'idle-special': { icon: '⏱', className: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/50 dark:text-amber-200' },
  bound: { icon: '§', className: 'bg-violet-50 text-violet-900 ring-violet-600/30 dark:bg-violet-950/50 dark:text-violet-200' },
  'bound-exit-unconfirmed': { icon: '§', className: 'bg-violet-50 text-violet-900 ring-violet-600/30 dark:bg-violet-950/50 dark:text-violet-200' },
};

export function FlagBadge({ flag }: { flag: KeyFlag }) {
  const { icon, className } = TONE[flag];
  return (
    <span title={FLAG_INFO[flag].explanation} data-flag={flag} className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>
      <span aria-hidden>{icon}</span>
      {FLAG_INFO[flag].label}
    </span>
  );
}
