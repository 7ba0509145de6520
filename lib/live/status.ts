import type { AccountStatus } from '@/lib/risk';

/**
 * The margin level statuses Binance pushes on the risk data stream, in the engine's terms
 * (docs/live.md#status). PRE_LIQUIDATION is still above the liquidation bar: a margin call.
 * EXCESSIVE without debt (level 999) is "no debt"; a status we do not know stays UNKNOWN, never NORMAL.
 */
export function statusFromExchange(s: string, level: string): AccountStatus {
  switch (s) {
    case 'EXCESSIVE':
      return level === '999' ? 'NO_DEBT' : 'NORMAL';
    case 'NORMAL':
      return 'NORMAL';
    case 'MARGIN_CALL':
    case 'PRE_LIQUIDATION':
      return 'MARGIN_CALL';
    case 'FORCE_LIQUIDATION':
      return 'LIQUIDATION';
    default:
      return 'UNKNOWN';
  }
}
