import { type Dec, fmt8 } from '../decimal';
import { err } from '../errors';
import type { Route } from '../route';
import { symbolPrice } from '../symbols';

const UNIT = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
const INTERVALS = new Set(['1s', '1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d', '3d', '1w']);

function intervalMs(interval: string): number {
  if (!INTERVALS.has(interval)) throw err.invalidParam('interval');
  return Number(interval.slice(0, -1)) * UNIT[interval.at(-1) as keyof typeof UNIT];
}

/**
 * `GET /api/v3/klines` (weight 2) from the simulator's own price history: one candle per interval from the
 * first recorded price, a quiet interval repeating the last close. Rows as Binance sends them: open time,
 * OHLC strings, volume, close time, quote volume, trades, taker volumes, an ignored field. The simulator books
 * no trades, so volumes are "0". (`1M` is not served.)
 */
export const klinesRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v3/klines',
    weight: 2,
    limit: 'API',
    security: 'NONE',
    handler: ({ state, params, now }) => {
      const symbol = params.required('symbol');
      const step = intervalMs(params.required('interval'));
      const limit = params.int('limit') ?? 500;
      if (limit < 1 || limit > 1000) throw err.invalidParam('limit');
      if (!symbolPrice(state, symbol)) throw err.badSymbol();
      const points = state.priceHistory.series(symbol);
      if (points.length === 0) return [];
      const end = params.int('endTime') ?? now;
      const start = params.int('startTime');
      const firstOpen = Math.floor(points[0]!.t / step) * step;
      let from = Math.max(firstOpen, start === undefined ? firstOpen : Math.floor(start / step) * step);
      const lastOpen = Math.floor(end / step) * step;
      // Without a startTime Binance answers the most recent `limit` candles.
      if (start === undefined) from = Math.max(from, lastOpen - (limit - 1) * step);
      const rows: unknown[] = [];
      let i = 0;
      let last: Dec = points[0]!.p;
      while (i < points.length && points[i]!.t < from) last = points[i++]!.p;
      for (let open = from; open <= lastOpen && rows.length < limit; open += step) {
        let o = last;
        let h = last;
        let l = last;
        let first = true;
        while (i < points.length && points[i]!.t < open + step) {
          const p = points[i++]!.p;
          if (first) {
            o = p;
            h = p;
            l = p;
            first = false;
          }
          if (p.gt(h)) h = p;
          if (p.lt(l)) l = p;
          last = p;
        }
        rows.push([open, fmt8(o), fmt8(h), fmt8(l), fmt8(last), '0', open + step - 1, '0', 0, '0', '0', '0']);
      }
      return rows;
    },
  },
];
