import { CircleHelp, Gauge, Scale, Timer, TriangleAlert, type LucideIcon } from 'lucide-react';
import { FLAG_INFO } from '@/lib/keys/flags';
import type { KeyFlag } from '@/lib/contracts/keys';

const AMBER = 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950/50 dark:text-amber-200';
const RED = 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950/50 dark:text-red-200';
const VIOLET = 'bg-violet-50 text-violet-900 ring-violet-600/30 dark:bg-violet-950/50 dark:text-violet-200';

// Danger flags carry a warning sign, binding flags the scales (the terms): distinct by more than colour.
const TONE: Record<KeyFlag, { Icon: LucideIcon; className: string }> = {
  'at-limit': { Icon: Gauge, className: RED },
  'near-limit': { Icon: Gauge, className: AMBER },
  'special-no-ip': { Icon: TriangleAlert, className: RED },
  withdrawals: { Icon: TriangleAlert, className: RED },
  'unsupported-product': { Icon: TriangleAlert, className: RED },
  'unmonitored-special': { Icon: CircleHelp, className: AMBER },
  'idle-special': { Icon: Timer, className: AMBER },
  bound: { Icon: Scale, className: VIOLET },
  'bound-exit-unconfirmed': { Icon: Scale, className: VIOLET },
};

export function FlagBadge({ flag }: { flag: KeyFlag }) {
  const { Icon, className } = TONE[flag];
  return (
    <span title={FLAG_INFO[flag].explanation} data-flag={flag} className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>
      <Icon className="h-3 w-3 shrink-0" aria-hidden />
      {FLAG_INFO[flag].label}
    </span>
  );
}
