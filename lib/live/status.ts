import { fromExchangeStatus, type AccountStatus } from '@/lib/risk';

/**
 * The margin level statuses Binance pushes on the risk data stream, in the engine's terms
 * (docs/live.md#status), through the one status vocabulary (lib/risk/status.ts).
 * EXCESSIVE without debt (level 999) is "no debt"; a status we do not know stays UNKNOWN, never NORMAL.
 */
export function statusFromExchange(s: string, level: string): AccountStatus {
  if (s === 'EXCESSIVE' && level === '999') return 'NO_DEBT';
  return fromExchangeStatus(s) ?? 'UNKNOWN';
}
