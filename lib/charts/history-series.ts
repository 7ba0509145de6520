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

/** (choice) Live points further apart than this are not joined: the live hub was not running between them. */
export const LIVE_GAP_MS = 2 * 60_000;

export type LiveSeriesPoint = { t: number; live: number | null };

/**
 * The live points between refreshes as a second series (docs/live.md#history): a margin level per written point,
 * broken where two points are further apart than LIVE_GAP_MS (nothing was written live in between).
 */
export function liveSeries(points: readonly { at: string; marginLevel: string | null }[]): LiveSeriesPoint[] {
  const out: LiveSeriesPoint[] = [];
  for (const [i, p] of points.entries()) {
    const t = Date.parse(p.at);
    const prev = points[i - 1];
    if (prev && t - Date.parse(prev.at) > LIVE_GAP_MS) out.push({ t: (t + Date.parse(prev.at)) / 2, live: null });
    out.push({ t, live: p.marginLevel === null ? null : Number(p.marginLevel) });
  }
  return out;
}
