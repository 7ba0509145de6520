import { formatTime } from '@/lib/format';
import type { RefreshInfo } from '@/lib/contracts/refresh';

/**
 * What a running refresh is doing, in words that stay true during an outage: before the account list
 * arrives there is nothing to count ("Listing sub-accounts", never "0 of 0"), and while the exchange's
 * Retry-After holds every request, the run is waiting until a known time, not reading.
 */
export function describeProgress(run: Pick<RefreshInfo, 'accountsTotal' | 'accountsDone' | 'currentStep' | 'waitingUntil'>, now: Date = new Date()): string {
  if (run.waitingUntil && new Date(run.waitingUntil) > now) {
    return `Waiting for the exchange until ${formatTime(new Date(run.waitingUntil))}`;
  }
  if (run.accountsTotal === 0) return sentence(run.currentStep ?? 'listing sub-accounts');
  const counted = `${run.accountsDone} of ${run.accountsTotal} accounts read`;
  // While accounts are read the step names the last one read: the count says more.
  if (!run.currentStep || run.currentStep.startsWith('read ')) return counted;
  return `${sentence(run.currentStep)} (${counted})`;
}

function sentence(step: string): string {
  return step.charAt(0).toUpperCase() + step.slice(1);
}
