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

const chartTime = new Intl.DateTimeFormat('en-GB', { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** A chart's time tick, "01 Dec, 23:47" (UTC like every time shown): short enough for an axis, never ISO. */
export function formatChartTime(ms: number | Date): string {
  return chartTime.format(ms);
}

const axisFormats = {
  second: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' }),
  minute: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }),
  'day-minute': chartTime,
  day: new Intl.DateTimeFormat('en-GB', { month: 'short', day: '2-digit', timeZone: 'UTC' }),
  date: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: '2-digit', timeZone: 'UTC' }),
};
export type AxisTimeUnit = keyof typeof axisFormats;

/** A time axis tick to the axis's resolution (lib/charts/time-axis.ts): "23:47:05", "23:47", "01 Dec, 23:47", "01 Dec", "01 Dec 2026". */
export function formatAxisTime(ms: number, unit: AxisTimeUnit): string {
  return axisFormats[unit].format(ms);
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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar day ("2026-12-01") as people write it in every locale: "1 Dec 2026". Never 12/01/2026, which reads two ways. */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/**
 * What a person typed into a date field, as a calendar day "YYYY-MM-DD", or null when it is not one: "2026-12-01",
 * "1 Dec 2026", "01 december 2026". Slashed forms are refused: 01/12/2026 is 1 December or 12 January.
 */
export function parseDay(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const words = /^(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})$/i.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (words) {
    const month = MONTHS.findIndex((name) => words[2]!.toLowerCase().startsWith(name.toLowerCase()));
    const full = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month, 1)).toLowerCase();
    if (month < 0 || !(words[2]!.length === 3 || full.startsWith(words[2]!.toLowerCase()))) return null;
    [y, m, d] = [Number(words[3]), month + 1, Number(words[1])];
  } else return null;
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return day.toISOString().slice(0, 10);
}

/** Exact decimal string → grouped figure with its unit, e.g. "1,234,567.89 USD". No float on the way. */
export function formatAmount(value: string | number | Decimal, unit: string, decimals = 2): string {
  // Rounded first, so a figure that rounds to zero carries no sign ("0.00", never "−0.00").
  const d = new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN);
  const [int, frac] = d.abs().toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = d.isNegative() && !d.isZero() ? '−' : '';
  return `${sign}${grouped}${frac ? `.${frac}` : ''}${unit ? ` ${unit}` : ''}`;
}

/** A figure with its sign always shown and touching the digits: "+1,250.50 USD", "−7,001,250.50 USD", "0.00 USD". */
export function formatSignedAmount(value: string | number | Decimal, unit: string, decimals = 2): string {
  const d = new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN);
  return `${d.isPositive() && !d.isZero() ? '+' : ''}${formatAmount(d, unit, decimals)}`;
}

/** What an account owes, as the negative figure it is on a balance sheet: "−7,001,250.50 USD" (never "− 7,…"). */
export function formatOwed(value: string | number | Decimal, unit = 'USD', decimals = 2): string {
  return formatAmount(new Decimal(value).neg(), unit, decimals);
}

/** An exact asset amount, grouped, with as many decimals as it carries (at most 8, Binance's precision): "1,000,000 USDT". */
export function formatAssetAmount(value: string | number | Decimal, asset: string): string {
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
