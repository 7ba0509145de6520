import { describe, expect, it } from 'vitest';
import { insideQuietHours, isSevere, quietHoursFormError, quietHoursSchema, quietUntil, type QuietHours } from './quiet-hours';

const q = (start: string, end: string, timeZone: string): QuietHours => ({ start, end, timeZone, severeBreaksThrough: false });
const until = (w: QuietHours, at: string) => quietUntil(w, new Date(at))?.toISOString() ?? null;

describe('quiet hours: when the window that an alert falls in ends', () => {
  const night = q('22:00', '07:00', 'Europe/Paris');

  it.each([
    // [raised at (UTC), digest at (UTC), why]
    ['2026-01-15T20:59:00.000Z', null, '21:59 Paris (UTC+1): not yet quiet'],
    ['2026-01-15T21:00:00.000Z', '2026-01-16T06:00:00.000Z', '22:00 sharp: quiet, ends 07:00 tomorrow'],
    ['2026-01-15T22:30:00.000Z', '2026-01-16T06:00:00.000Z', '23:30: ends 07:00 tomorrow'],
    ['2026-01-16T02:00:00.000Z', '2026-01-16T06:00:00.000Z', '03:00 after midnight: ends 07:00 the same day'],
    ['2026-01-16T05:59:59.000Z', '2026-01-16T06:00:00.000Z', '06:59:59: a second left'],
    ['2026-01-16T06:00:00.000Z', null, '07:00 sharp: over'],
    ['2026-07-15T20:30:00.000Z', '2026-07-16T05:00:00.000Z', 'summer (UTC+2): 22:30 → 07:00 is 05:00 UTC'],
  ])('overnight 22:00–07:00 Europe/Paris, raised %s → %s (%s)', (at, expected, why) => {
    expect(until(night, at), why).toBe(expected);
  });

  it('spring forward (Paris, 29 March 2026, 02:00 → 03:00): the night is an hour shorter', () => {
    // 23:00 on the 28th is UTC+1; 07:00 on the 29th is UTC+2.
    expect(until(night, '2026-03-28T22:00:00.000Z')).toBe('2026-03-29T05:00:00.000Z');
  });

  it('fall back (Paris, 25 October 2026, 03:00 → 02:00): the night is an hour longer', () => {
    expect(until(night, '2026-10-24T21:00:00.000Z')).toBe('2026-10-25T06:00:00.000Z');
  });

  it('an end inside the skipped hour ends when the clock jumps past it', () => {
    // 01:00–02:30 Paris on 29 March 2026: 02:30 never happens; at 01:00 UTC the clock reads 03:00.
    expect(until(q('01:00', '02:30', 'Europe/Paris'), '2026-03-29T00:30:00.000Z')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('an end inside the repeated hour: the first 02:30 after the alert', () => {
    const w = q('00:30', '02:30', 'Europe/Paris');
    // 02:00 the first time (UTC+2) → 02:30 the first time.
    expect(until(w, '2026-10-25T00:00:00.000Z')).toBe('2026-10-25T00:30:00.000Z');
    // Between the first 02:30 and 03:00 (UTC+2) the wall clock is past the end: not quiet.
    expect(until(w, '2026-10-25T00:45:00.000Z')).toBeNull();
    // 02:10 the second time (UTC+1): quiet again by the wall clock, until the second 02:30.
    expect(until(w, '2026-10-25T01:10:00.000Z')).toBe('2026-10-25T01:30:00.000Z');
  });

  it('New York (spring forward 8 March 2026) and a half-hour zone (Kolkata, no DST)', () => {
    const ny = q('20:00', '06:00', 'America/New_York');
    expect(until(ny, '2026-03-08T02:00:00.000Z')).toBe('2026-03-08T10:00:00.000Z'); // 21:00 EST → 06:00 EDT
    expect(until(ny, '2026-03-07T02:00:00.000Z')).toBe('2026-03-07T11:00:00.000Z'); // a week-day before: EST both ends
    const lunch = q('12:00', '13:00', 'Asia/Kolkata');
    expect(until(lunch, '2026-05-04T06:45:00.000Z')).toBe('2026-05-04T07:30:00.000Z'); // 12:15 IST
    expect(insideQuietHours(lunch, new Date('2026-05-04T07:30:00.000Z'))).toBe(false);
  });

  it('a window within one day does not wrap', () => {
    const w = q('09:00', '17:00', 'UTC');
    expect(until(w, '2026-02-02T08:59:00.000Z')).toBeNull();
    expect(until(w, '2026-02-02T16:00:00.000Z')).toBe('2026-02-02T17:00:00.000Z');
    expect(until(w, '2026-02-02T23:00:00.000Z')).toBeNull();
  });

  it('property: the digest time is after the alert, outside the window, and every minute before it is inside', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 48271) % 2147483647) % n);
    for (let i = 0; i < 120; i++) {
      const hhmm = () => `${String(rand(24)).padStart(2, '0')}:${String(rand(4) * 15).padStart(2, '0')}`;
      const w = q(hhmm(), hhmm(), zones[rand(zones.length)]!);
      if (w.start === w.end) continue;
      // Around the 2026 transitions and in between.
      const at = new Date(Date.UTC(2026, rand(12), 1 + rand(28), rand(24), rand(60)));
      const end = quietUntil(w, at);
      if (!end) {
        expect(insideQuietHours(w, at)).toBe(false);
        continue;
      }
      expect(end.getTime()).toBeGreaterThan(at.getTime());
      expect(end.getTime() - at.getTime()).toBeLessThanOrEqual(25 * 3600_000);
      expect(insideQuietHours(w, end)).toBe(false);
      // Windows start and end on quarter hours and clocks change on them: a five-minute grid and the last minute suffice.
      const checks = [end.getTime() - 60_000];
      for (let t = Math.ceil(at.getTime() / 300_000) * 300_000; t < end.getTime(); t += 300_000) checks.push(t);
      for (const t of checks.filter((c) => c >= at.getTime())) {
        if (!insideQuietHours(w, new Date(t))) throw new Error(`${JSON.stringify(w)} from ${at.toISOString()}: outside at ${new Date(t).toISOString()} before ${end.toISOString()}`);
      }
    }
  });
});

describe('quiet hours: what an owner may enter', () => {
  it('accepts HH:MM and an IANA zone (canonical spelling kept)', () => {
    expect(quietHoursSchema.parse({ start: '22:00', end: '07:00', timeZone: 'europe/paris', severeBreaksThrough: true }))
      .toEqual({ start: '22:00', end: '07:00', timeZone: 'Europe/Paris', severeBreaksThrough: true });
  });

  it.each([
    [{ start: '7:00', end: '08:00', timeZone: 'UTC' }, 'start', 'HH:MM'],
    [{ start: '22:00', end: '24:00', timeZone: 'UTC' }, 'end', 'HH:MM'],
    [{ start: '22:00', end: '07:00', timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'Time zone “Mars/Olympus_Mons” is not a known IANA zone'],
    [{ start: '22:00', end: '07:00', timeZone: '' }, 'timeZone', 'is required'],
    [{ start: '08:00', end: '08:00', timeZone: 'UTC' }, 'end', 'must differ'],
  ])('refuses %j (%s)', (input, path, message) => {
    const result = quietHoursSchema.safeParse({ ...input, severeBreaksThrough: false });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([path]);
    expect(result.error!.issues[0]!.message).toContain(message);
  });

  it.each([
    ['Invalid body: quietHours.timeZone: Time zone “Mars/Base” is not a known IANA zone (such as Europe/Paris or America/New_York)', 'Time zone “Mars/Base” is not a known IANA zone (such as Europe/Paris or America/New_York)'],
    ['Invalid body: quietHours.timeZone: is required', 'Time zone: is required'],
    ['Invalid body: quietHours.end: must differ from the start', 'Until: must differ from the start'],
    ['Invalid body: quietHours.start: must be a time such as 22:00 (HH:MM, 24-hour)', 'From: must be a time such as 22:00 (HH:MM, 24-hour)'],
    // Anything else (another field, the generic refusals) is shown as the API words it.
    ['Invalid body: quietHours: Expected object, received string', 'Invalid body: quietHours: Expected object, received string'],
    ['The request body is not JSON.', 'The request body is not JSON.'],
  ])('the form words %j as %j', (api, shown) => {
    expect(quietHoursFormError(api)).toBe(shown);
  });
});

describe('severe alerts break through', () => {
  it.each([
    [{ kind: 'status_worsens', figures: { status: 'LIQUIDATING' } }, true],
    [{ kind: 'status_worsens', figures: { status: 'BANKRUPTED' } }, true],
    [{ kind: 'status_worsens', figures: { status: 'PRE_LIQUIDATION' } }, false],
    [{ kind: 'status_worsens', figures: { status: 'MARGIN_CALL' } }, false],
    [{ kind: 'forced_liquidation', figures: {} }, true],
    [{ kind: 'liquidation_distance', figures: { distancePercent: 0 } }, false],
  ])('%j → %s', (alert, severe) => {
    expect(isSevere(alert)).toBe(severe);
  });
});
