import { formatUsd } from '@/lib/format';
import { statusLabel } from '@/lib/risk/status';

const LABELS: Record<string, string> = {
  status: 'Status',
  distancePercent: 'Liquidates on a move of',
  direction: 'Direction',
  pair: 'Isolated pair',
  marginLevel: 'Margin level',
  shockPercent: 'Shock',
  projectedLoanUsd: 'Projected loan (estimate)',
  estimate: 'Estimate',
  outstandingLoanUsd: 'Outstanding loan',
  bound: 'Bound',
  keys: 'Keys',
  limit: 'Limit',
  idleSpecialKeys: 'Idle special keys',
  dataAgeMinutes: 'Data age',
  failingMinutes: 'Failing for',
  waitingMinutes: 'Waiting for',
};

export const figureLabel = (key: string) => LABELS[key] ?? key;

/** A triggering figure in the app's units: USD for money, % for moves, minutes for ages. */
export function figureValue(key: string, value: string | number): string {
  switch (key) {
    case 'status': return statusLabel(String(value)).label;
    case 'distancePercent': return `${value} %`;
    case 'marginLevel': return Number(value).toFixed(4);
    case 'direction': return value === 'DOWN' ? 'prices falling' : 'prices rising';
    case 'shockPercent': return `${Number(value) > 0 ? '+' : ''}${value} %`;
    case 'projectedLoanUsd': case 'outstandingLoanUsd': return formatUsd(value);
    case 'dataAgeMinutes': case 'failingMinutes': case 'waitingMinutes': return `${value} min`;
    default: return String(value);
  }
}
