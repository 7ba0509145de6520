import Decimal from 'decimal.js';

/** Formatting in one place: every date and figure a person sees goes through here. */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

export function formatDateTime(iso: string | Date): string {
  return dateTime.format(typeof iso === 'string' ? new Date(iso) : iso);
}

const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

/** A time of day for "delayed since 14:03:07 UTC": today's events need no date. */
export function formatTime(ms: number | Date): string {
  return timeOnly.format(ms);
}

const dateOnly = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: '2-digit', timeZone: 'UTC' });

/** A day, for columns where the time of day adds nothing: "25 Nov 2026". */
export function formatDate(iso: string | Date): string {
  return dateOnly.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** Exact decimal string → grouped figure with its unit, e.g. "1,234,567.89 USD". No float on the way. */
export function formatAmount(value: string | number, unit: string, decimals = 2): string {
  const d = new Decimal(value);
  const [int, frac] = d.abs().toFixed(decimals, Decimal.ROUND_HALF_EVEN).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${d.isNegative() && !d.isZero() ? '−' : ''}${grouped}${frac ? `.${frac}` : ''} ${unit}`;
}

/** An exact asset amount, grouped, with as many decimals as it carries (at most 8, Binance's precision): "1,000,000 USDT". */
export function formatAssetAmount(value: string, asset: string): string {
  const decimals = Math.min(8, new Decimal(value).decimalPlaces());
  return formatAmount(value, asset, decimals);
}

/** "1 special key", "4 special keys": a count with its noun, never "key(s)". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}

export const formatUsd = (value: string | number, decimals = 0) => formatAmount(value, 'USD', decimals);

/** Compact USD for chart axes and tight cells: "1.2M USD". */
export function formatUsdCompact(value: number): string {
  return `${new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value).replace('-', '−')} USD`;
}

/** A shock as a signed percentage: −0.2 → "−20 %", 0.135 → "+13.5 %". */
export function formatShock(shock: number): string {
  const pct = Math.round(shock * 1000) / 10;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct)} %`;
}

/**
 * Margin level or uniMMR ratio, "1.457". A missing ratio says "no debt" only when the caller knows the account
 * has none (its status is NO_DEBT): a loan, an unpriced asset or an unread account has no ratio either.
 */
export function formatRatio(value: string | null, none = '— (no debt)'): string {
  return value === null ? none : new Decimal(value).toFixed(3, Decimal.ROUND_DOWN);
}

/** How old data is, in words a desk reads at a glance: "45 s", "12 min", "3 h", "2 d". */
export function formatAge(from: string | Date, now: Date = new Date()): string {
  const s = Math.max(0, Math.round((now.getTime() - new Date(from).getTime()) / 1000));
  if (s < 90) return `${s} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}
