import type { Dec } from '../decimal';

interface Point {
  t: number;
  p: Dec;
}

const DAY_MS = 86_400_000;
/** Bounded so a long price-path run cannot grow memory without end; the oldest points go first. */
const MAX_POINTS = 50_000;

/**
 * Every price a symbol has had, with its exchange time: the 24 h window of `miniTicker` and the candles of
 * `GET /api/v3/klines` are both read from here.
 */
export class PriceHistory {
  private readonly points = new Map<string, Point[]>();

  record(symbol: string, t: number, p: Dec): void {
    let list = this.points.get(symbol);
    if (!list) this.points.set(symbol, (list = []));
    const last = list.at(-1);
    if (last && last.t > t) t = last.t; // the clock may be moved back by a test; keep the series ordered
    list.push({ t, p });
    if (list.length > MAX_POINTS) list.splice(0, list.length - MAX_POINTS);
  }

  series(symbol: string): readonly Point[] {
    return this.points.get(symbol) ?? [];
  }

  /** Open (last price at or before now − 24 h, else the first), high and low over the rolling 24 h. */
  window(symbol: string, now: number): { open: Dec; high: Dec; low: Dec } | undefined {
    const list = this.points.get(symbol);
    if (!list || list.length === 0) return undefined;
    const from = now - DAY_MS;
    let open = list[0]!.p;
    let high: Dec | undefined;
    let low: Dec | undefined;
    for (const { t, p } of list) {
      if (t <= from) {
        open = p;
        continue;
      }
      if (!high || p.gt(high)) high = p;
      if (!low || p.lt(low)) low = p;
    }
    return { open, high: high ?? open, low: low ?? open };
  }

  clear(): void {
    this.points.clear();
  }
}
