import { z } from 'zod';
import { severity } from '@/lib/risk/status';

/**
 * Quiet hours of one channel (docs/alerts.md#quiet-hours): a daily window of wall-clock time in an IANA time zone.
 * Alerts raised inside it are held and sent as one digest when it ends; with `severeBreaksThrough`, a severe alert
 * (liquidating or worse, a forced liquidation) goes out at once anyway. Pure: the instants are computed with Intl.
 */
export type QuietHours = { start: string; end: string; timeZone: string; severeBreaksThrough: boolean };

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The zone's canonical name ("europe/paris" → "Europe/Paris"), or null for a name Intl does not know. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const quietHoursSchema = z.object({
  start: z.string().regex(HH_MM, 'must be a time such as 22:00 (HH:MM, 24-hour)'),
  end: z.string().regex(HH_MM, 'must be a time such as 07:00 (HH:MM, 24-hour)'),
  timeZone: z.string().trim().min(1, 'is required').max(64).transform((name, ctx) => {
    const zone = canonicalTimeZone(name);
    if (!zone) ctx.addIssue({ code: 'custom', message: `Time zone “${name}” is not a known IANA zone (such as Europe/Paris or America/New_York)` });
    return zone ?? name;
  }),
  severeBreaksThrough: z.boolean(),
}).refine((q) => q.start !== q.end, { path: ['end'], message: 'must differ from the start (a window of no time, or of the whole day, is not quiet hours)' });

const FIELD: Record<string, string> = { start: 'From', end: 'Until', timeZone: 'Time zone' };

/**
 * The API's "Invalid body: quietHours.timeZone: …" in the form's own words: the field as the form names it, once
 * ("Time zone “Mars/Base” is not a known IANA zone …", "Until: must differ from the start …"). Other errors as they are.
 */
export function quietHoursFormError(message: string): string {
  const m = /^Invalid body: quietHours\.(start|end|timeZone): (.*)$/s.exec(message);
  if (!m) return message;
  const [, field, rest] = m as unknown as [string, string, string];
  const label = FIELD[field]!;
  return rest.startsWith(label) ? rest : `${label}: ${rest}`;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock at an instant, as if it were UTC: comparable numbers in the zone's local time. */
function wallOf(at: number, timeZone: string): number {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(at).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const wallMinutes = (wall: number) => Math.floor((((wall % DAY) + DAY) % DAY) / MINUTE);

export function insideQuietHours(q: QuietHours, at: Date): boolean {
  const m = wallMinutes(wallOf(at.getTime(), q.timeZone));
  const s = minutesOf(q.start);
  const e = minutesOf(q.end);
  return s < e ? s <= m && m < e : m >= s || m < e;
}

/**
 * The first instant after `after` whose wall clock reads `wall` (a local time). Twice in a repeated hour (autumn):
 * the first of them after `after`. Never, in a skipped hour (spring): then the instant the clock jumps past it.
 */
function instantOfWall(wall: number, after: number, timeZone: string): number {
  const offsets = [wallOf(wall - DAY, timeZone) - (wall - DAY), wallOf(wall + DAY, timeZone) - (wall + DAY)];
  const candidates = offsets.map((o) => wall - o).filter((t) => t > after && wallOf(t, timeZone) === wall);
  if (candidates.length) return Math.min(...candidates);
  // Skipped: the clock jumps at a whole minute between the two readings; find it.
  let lo = Math.floor(Math.min(wall - offsets[0]!, wall - offsets[1]!) / MINUTE);
  let hi = Math.ceil(Math.max(wall - offsets[0]!, wall - offsets[1]!) / MINUTE);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(mid * MINUTE, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return Math.max(hi * MINUTE, after + 1);
}

/**
 * When the quiet window that `at` falls in ends (the digest goes out then); null when `at` is outside quiet hours.
 * The window is wall-clock time: on a day the clocks change it lasts an hour more or less.
 */
export function quietUntil(q: QuietHours, at: Date): Date | null {
  if (!insideQuietHours(q, at)) return null;
  const wall = wallOf(at.getTime(), q.timeZone);
  const m = wallMinutes(wall);
  const s = minutesOf(q.start);
  const e = minutesOf(q.end);
  const midnight = wall - m * MINUTE - (wall % MINUTE);
  // An overnight window entered before midnight ends tomorrow.
  const endWall = midnight + (s > e && m >= s ? DAY : 0) + e * MINUTE;
  return new Date(instantOfWall(endWall, at.getTime(), q.timeZone));
}

/** Alerts that break through quiet hours when the channel allows it: liquidating or worse, a forced liquidation. */
export function isSevere(alert: { kind: string; figures: Record<string, unknown> }): boolean {
  if (alert.kind === 'forced_liquidation') return true;
  const status = alert.figures.status;
  return alert.kind === 'status_worsens' && typeof status === 'string' && severity(status) >= severity('LIQUIDATING');
}

/** "22:00–07:00 Europe/Paris", as the settings page and the digest say it. */
export function describeQuietHours(q: QuietHours): string {
  return `${q.start}–${q.end} ${q.timeZone}`;
}
