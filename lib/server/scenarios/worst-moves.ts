import 'server-only';
import type { WorstMoves } from '@/lib/contracts/scenarios';
import { DEFAULT_RISK_CONFIG } from '@/lib/risk';
import { worstFalls, type KlineRow } from '@/lib/scenarios/per-asset';
import { clientFor } from '../exchange-clients';
import type { MasterRow } from '../views/latest';

/** Candles per window: enough to see an intraday low, few enough to stay one request per asset (limit ≤ 1000). */
const WINDOWS: Record<WorstMoves['window'], { ms: number; interval: string; limit: number }> = {
  '1d': { ms: 86_400_000, interval: '15m', limit: 96 },
  '7d': { ms: 7 * 86_400_000, interval: '1h', limit: 168 },
  '30d': { ms: 30 * 86_400_000, interval: '4h', limit: 180 },
};

const QUOTE = 'USDT';

/**
 * The worst fall of each volatile asset held or owed, from the exchange's own klines (`GET /api/v3/klines`,
 * weight 2 each, public market data: no key's permission is used). Stablecoins are left to the scenario's
 * stables shock. One ticker read first (weight 4) tells which assets have a USDT market at all.
 */
export async function readWorstMoves(master: MasterRow, assets: readonly string[], window: WorstMoves['window'], now = Date.now()): Promise<WorstMoves> {
  const client = clientFor(master);
  const spec = WINDOWS[window];
  const volatile = assets.filter((a) => !DEFAULT_RISK_CONFIG.stableAssets.includes(a));
  const markets = new Set((await client.getTickerPrices()).map((t) => t.symbol));
  const withMarket = volatile.filter((a) => markets.has(`${a}${QUOTE}`));
  const klines: Record<string, readonly KlineRow[]> = {};
  // One at a time: the client's IP budget paces them, and a desk holds tens of assets, not thousands.
  for (const a of withMarket) {
    klines[`${a}${QUOTE}`] = (await client.getKlines({ symbol: `${a}${QUOTE}`, interval: spec.interval, startTime: now - spec.ms, limit: spec.limit })) as unknown as KlineRow[];
  }
  return {
    window,
    falls: worstFalls(klines, QUOTE),
    withoutMarket: volatile.filter((a) => !markets.has(`${a}${QUOTE}`)),
    readAt: new Date(now).toISOString(),
  };
}
