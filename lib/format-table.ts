import type { ShockCrossing } from '@/lib/risk';
import { formatAmount, formatShock } from './format';

/** Whole USD without the unit, for table cells whose header carries "(USD)" and for CSV. */
export const formatUsdPlain = (value: string | number) => formatAmount(value, '', 0).trim();

/**
 * Where a uniform shock liquidates the account: "−25 % ↓" (a fall), "+16.6 % ↑" (a rise, shorts).
 * A crossing on the safe side of 0 means the account is already past its bar.
 */
export function formatLiquidation(c: ShockCrossing | null): string {
  if (!c) return '—';
  const behind = c.direction === 'DOWN' ? c.shock >= 0 : c.shock <= 0;
  if (behind) return 'already past the bar';
  return `${formatShock(c.shock)} ${c.direction === 'DOWN' ? '↓' : '↑'}`;
}

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | boolean | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
