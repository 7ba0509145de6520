'use client';

import { formatTime } from '@/lib/format';
import { liveness, useLive } from './use-live';
import { ClockIcon, StatusIcon } from '@/components/ui/icons';

/** One account's liveness, beside its status: "live" or "delayed since …" (words, not colour alone). */
export function LiveMark({ email }: { email: string }) {
  const l = liveness(useLive(), email);
  if (l.live) return <span data-testid="live-mark" className="text-[11px] text-emerald-700 dark:text-emerald-400"><StatusIcon symbol="●" />live</span>;
  if (l.delayedSince !== null) return <span data-testid="live-mark" className="text-[11px] text-amber-800 dark:text-amber-300"><ClockIcon />since {formatTime(l.delayedSince)}</span>;
  return null;
}
