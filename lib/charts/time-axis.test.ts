import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeAxis } from './time-axis';

const at = (iso: string) => Date.parse(iso);
const labels = (min: number, max: number) => {
  const axis = timeAxis(min, max);
  return { ...axis, labels: axis.ticks.map(axis.label) };
};

describe('time axis', () => {
  it('live points over three minutes: ticks on whole seconds steps, labelled with seconds, none alike', () => {
    const a = labels(at('2026-12-01T23:47:05Z'), at('2026-12-01T23:50:02Z'));
    expect(a.unit).toBe('second');
    expect(a.labels).toEqual(['23:47:30', '23:48:00', '23:48:30', '23:49:00', '23:49:30', '23:50:00']);
  });

  it('forty minutes: hours and minutes, every ten minutes', () => {
    const a = labels(at('2026-12-01T10:03:00Z'), at('2026-12-01T10:43:00Z'));
    expect(a.unit).toBe('minute');
    expect(a.labels).toEqual(['10:10', '10:20', '10:30', '10:40']);
  });

  it('ticks that cross midnight carry the day', () => {
    const a = labels(at('2026-12-01T20:00:00Z'), at('2026-12-02T04:00:00Z'));
    expect(a.unit).toBe('day-minute');
    expect(a.labels).toEqual(['01 Dec, 20:00', '01 Dec, 22:00', '02 Dec, 00:00', '02 Dec, 02:00', '02 Dec, 04:00']);
  });

  it('a month: days alone', () => {
    const a = labels(at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z'));
    expect(a.unit).toBe('day');
    expect(new Set(a.labels).size).toBe(a.labels.length);
    expect(a.labels[0]).toMatch(/^\d\d Nov$/);
  });

  it('one point, or a span under a second: one tick where the data is', () => {
    const t = at('2026-12-01T23:47:05.250Z');
    expect(labels(t, t).labels).toEqual(['23:47:05']);
  });

  it('any span up to three years: at most six ticks inside it, no two labelled alike', () => {
    const base = at('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 86_400_000 }), fc.integer({ min: 0, max: 3 * 365 * 86_400_000 }), (from, length) => {
        const a = labels(base + from, base + from + length);
        expect(a.ticks.length).toBeLessThanOrEqual(6);
        expect(a.ticks.length).toBeGreaterThan(0);
        for (const t of a.ticks) expect(t >= base + from && t <= base + from + length).toBe(true);
        expect(new Set(a.labels).size).toBe(a.labels.length);
      }),
    );
  });
});
