import Decimal from 'decimal.js';
import type { AccountRiskInput, RiskConfig } from '@/lib/risk';

/**
 * Scenarios beyond one uniform shock (issue 18): each asset moves by its own shock, e.g. BTC −30 %, ETH −45 %,
 * every other volatile asset −60 %, stablecoins de-pegging −5 %. The deficit follows docs/domain.md#exposure
 * with the shocked prices: D = max(0, L′ − A′·(1−f)); owed where the LiquidationLoan applies. Exact decimal
 * sums; like every stress figure, the result is an estimate.
 */
export type AssetShocks = {
  /** Named assets, e.g. { BTC: -0.3, ETH: -0.45 }. */
  byAsset: Record<string, number>;
  /** Every other volatile asset. */
  alts: number;
  /** Every stablecoin of the risk configuration (0: pegged). */
  stables: number;
};

export type NamedScenario = { name: string; shocks: AssetShocks };

export type ScenarioResult = { assetsUsd: string; liabilitiesUsd: string; deficitUsd: string; owedUsd: string };

export function shockOf(asset: string, s: AssetShocks, config: Pick<RiskConfig, 'stableAssets'>): number {
  return s.byAsset[asset] ?? (config.stableAssets.includes(asset) ? s.stables : s.alts);
}

/** One account under a per-asset scenario; `bound` as the applicability rule decided (null: unknown, not owed). */
export function accountUnderScenario(input: AccountRiskInput, s: AssetShocks, config: Pick<RiskConfig, 'stableAssets' | 'liquidationCost'>, bound: boolean | null): ScenarioResult {
  let assets = new Decimal(0);
  let liabilities = new Decimal(0);
  for (const a of input.assets) {
    const price = new Decimal(a.priceUsd).times(1 + shockOf(a.asset, s, config));
    assets = assets.plus(new Decimal(a.free).plus(a.locked).times(price));
    liabilities = liabilities.plus(new Decimal(a.borrowed).plus(a.interest).times(price));
  }
  const deficit = Decimal.max(0, liabilities.minus(assets.times(1 - config.liquidationCost)));
  return { assetsUsd: assets.toString(), liabilitiesUsd: liabilities.toString(), deficitUsd: deficit.toString(), owedUsd: bound === true ? deficit.toString() : '0' };
}

/** The master's figures: Σ deficits and Σ owed over its accounts, with each account's. */
export function masterUnderScenario(
  accounts: Array<{ input: AccountRiskInput; bound: boolean | null }>,
  s: AssetShocks,
  config: Pick<RiskConfig, 'stableAssets' | 'liquidationCost'>,
): { deficitUsd: string; owedUsd: string; accounts: Array<{ email: string } & ScenarioResult> } {
  const rows = accounts.map(({ input, bound }) => ({ email: input.email, ...accountUnderScenario(input, s, config, bound) }));
  const sum = (f: (r: ScenarioResult) => string) => rows.reduce((t, r) => t.plus(f(r)), new Decimal(0)).toString();
  return { deficitUsd: sum((r) => r.deficitUsd), owedUsd: sum((r) => r.owedUsd), accounts: rows };
}

/** A kline row as Binance sends it: [openTime, open, high, low, close, …]. */
export type KlineRow = readonly [number, string, string, string, string, ...unknown[]];

/**
 * "The worst move of each asset over a past window", from the exchange's own klines: the deepest fall from the
 * window's first open to any low, per asset (a fall hurts long collateral, the usual exposure). A symbol
 * without candles is left out: its asset then takes the scenario's `alts` shock.
 */
export function worstFalls(klinesBySymbol: Record<string, readonly KlineRow[]>, quote = 'USDT'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [symbol, rows] of Object.entries(klinesBySymbol)) {
    if (!symbol.endsWith(quote) || rows.length === 0) continue;
    const open = new Decimal(rows[0]![1]);
    if (!open.gt(0)) continue;
    const low = rows.reduce((m, r) => Decimal.min(m, r[3]), new Decimal(rows[0]![3]));
    out[symbol.slice(0, -quote.length)] = Math.min(0, low.div(open).minus(1).toNumber());
  }
  return out;
}
