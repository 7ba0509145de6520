/**
 * The account history as a chart series: one level per refresh (margin level, or uniMMR for Portfolio
 * Margin Pro), with a break (a null point) wherever the history has a hole, so a line never joins two
 * refreshes across hours nobody measured. A stale refresh repeats the last good figures: it is a hole too.
 */
export type HistoryPoint = { takenAt: string; marginLevel: string | null; uniMMR?: string | null; stale: boolean };
export type SeriesPoint = { t: number; level: number | null };

/** A hole: more than this many times the usual spacing between refreshes. */
const GAP_FACTOR = 2.5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * The points with a blank one (from `hole`) between two refreshes further apart than GAP_FACTOR times the
 * usual spacing, so a chart line breaks there instead of joining across unmeasured hours.
 */
export function withGaps<P extends { t: number }>(points: readonly P[], hole: (t: number) => P): P[] {
  const spacing = median(points.slice(1).map((p, i) => p.t - points[i]!.t));
  const out: P[] = [];
  for (const [i, p] of points.entries()) {
    const prev = points[i - 1];
    if (prev && spacing > 0 && p.t - prev.t > GAP_FACTOR * spacing) out.push(hole((prev.t + p.t) / 2));
    out.push(p);
  }
  return out;
}

export function historySeries(history: readonly HistoryPoint[], pmPro: boolean): SeriesPoint[] {
  const points = history.map((h) => {
    const raw = pmPro ? (h.uniMMR ?? null) : h.marginLevel;
    return { t: Date.parse(h.takenAt), level: h.stale || raw === null ? null : Number(raw) };
  });
  return withGaps(points, (t) => ({ t, level: null }));
}

/** Whether the series has anything to draw. */
export const hasLevels = (s: readonly SeriesPoint[]) => s.some((p) => p.level !== null);
