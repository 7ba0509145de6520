import Decimal from 'decimal.js';
import { deficitBound, projectedOutcome, type AccountRiskInput, type DeficitBound, type RiskConfig } from '@/lib/risk';

/**
 * Scenarios beyond one uniform shock (issue 18; docs/scenarios.md): each asset moves by its own shock, e.g. BTC
 * −30 %, ETH −45 %, every other volatile asset −60 %, stablecoins de-pegging −5 %. The deficit follows
 * docs/domain.md#exposure with the shocked prices, D = max(0, L′ − A′·(1−f)), on the cross (or PM Pro) wallet,
 * as the uniform stress curve is; isolated pairs never owe and are left out like there. Shocks are percent as
 * decimal strings and every sum is exact (a shock of −7 % is 0.93, never 0.9299999999999999); like every stress
 * figure, the result is an estimate.
 */
export type AssetShocks = {
  /** Named assets, percent, e.g. { BTC: '-30', ETH: '-45' }. */
  byAsset: Record<string, string>;
  /** Every other volatile asset, percent. */
  alts: string;
  /** Every stablecoin of the risk configuration, percent ('0': pegged). */
  stables: string;
};

type Config = Pick<RiskConfig, 'stableAssets' | 'liquidationCost'>;

/** What one account would come to under a scenario; `unknown` says why no figure exists rather than a zero. */
export type AccountScenarioResult =
  | { email: string; unknown: string }
  | {
      email: string;
      assetsUsd: string;
      liabilitiesUsd: string;
      deficitUsd: string;
      /** Owed where the account is bound, could be owed where binding is unknown (lib/risk/projection.ts). */
      outcome: 'owed' | 'could_be_owed' | 'collateral_lost' | 'none';
      owedUsd: string;
      /** Set when an asset had no price: the deficit is then a bound on the true one (lib/risk/incomplete.ts). */
      bound?: DeficitBound;
      unpriced?: string[];
    };

export type MasterScenarioResult = {
  deficitUsd: string;
  /** Owed and could-be-owed together: what the master could have to repay. */
  owedUsd: string;
  /** Accounts without a figure (never read, no key): the totals leave them out and say how many. */
  unknownCount: number;
  /** Accounts whose figure is a bound, not exact. */
  boundedCount: number;
  accounts: AccountScenarioResult[];
};

/** The shock (percent) an asset takes under a scenario. */
export function shockOf(asset: string, s: AssetShocks, config: Pick<RiskConfig, 'stableAssets'>): string {
  return s.byAsset[asset] ?? (config.stableAssets.includes(asset) ? s.stables : s.alts);
}

const factor = (percent: string) => new Decimal(1).plus(new Decimal(percent).div(100));

/** One account under a per-asset scenario; `bound` as the applicability rule decided (null: unknown). */
export function accountUnderScenario(input: AccountRiskInput, s: AssetShocks, config: Config, bound: boolean | null): AccountScenarioResult {
  if (input.neverRead) return { email: input.email, unknown: 'never read successfully' };
  if (!input.dataAvailable && input.assets.length === 0) return { email: input.email, unknown: 'no key stored: balances unknown' };
  let assets = new Decimal(0);
  let liabilities = new Decimal(0);
  for (const a of input.assets) {
    const price = new Decimal(a.priceUsd).times(factor(shockOf(a.asset, s, config)));
    assets = assets.plus(new Decimal(a.free).plus(a.locked).times(price));
    liabilities = liabilities.plus(new Decimal(a.borrowed).plus(a.interest).times(price));
  }
  const deficit = Decimal.max(0, liabilities.minus(assets.times(new Decimal(1).minus(String(config.liquidationCost)))));
  const outcome = projectedOutcome(bound, { deficit: deficit.toNumber(), owed: bound === true ? deficit.toNumber() : 0 }).kind;
  const owed = outcome === 'owed' || outcome === 'could_be_owed' ? deficit : new Decimal(0);
  const b = deficitBound(input.unpriced);
  return {
    email: input.email,
    assetsUsd: assets.toFixed(),
    liabilitiesUsd: liabilities.toFixed(),
    deficitUsd: deficit.toFixed(),
    outcome,
    owedUsd: owed.toFixed(),
    ...(b ? { bound: b, unpriced: input.unpriced!.map((u) => u.asset) } : {}),
  };
}

/** The master's figures: Σ deficits and Σ owed over the accounts with a figure, largest owed first. */
export function masterUnderScenario(accounts: Array<{ input: AccountRiskInput; bound: boolean | null }>, s: AssetShocks, config: Config): MasterScenarioResult {
  const rows = accounts.map(({ input, bound }) => accountUnderScenario(input, s, config, bound));
  let deficit = new Decimal(0);
  let owed = new Decimal(0);
  let unknownCount = 0;
  let boundedCount = 0;
  for (const r of rows) {
    if ('unknown' in r) {
      unknownCount++;
      continue;
    }
    deficit = deficit.plus(r.deficitUsd);
    owed = owed.plus(r.owedUsd);
    if (r.bound) boundedCount++;
  }
  const owedOf = (r: AccountScenarioResult) => ('unknown' in r ? new Decimal(-1) : new Decimal(r.owedUsd));
  const deficitOf = (r: AccountScenarioResult) => ('unknown' in r ? new Decimal(-1) : new Decimal(r.deficitUsd));
  rows.sort((a, b) => owedOf(b).comparedTo(owedOf(a)) || deficitOf(b).comparedTo(deficitOf(a)) || a.email.localeCompare(b.email));
  return { deficitUsd: deficit.toFixed(), owedUsd: owed.toFixed(), unknownCount, boundedCount, accounts: rows };
}

/** A kline row as Binance sends it: [openTime, open, high, low, close, …]. */
export type KlineRow = readonly [number, string, string, string, string, ...unknown[]];

/**
 * "The worst move of each asset over a past window", from the exchange's own klines: the deepest fall from the
 * window's first open to any low, per asset, in percent rounded away from zero to 0.01 (a fall hurts long collateral, the usual exposure). A
 * symbol without candles is left out: its asset then takes the scenario's `alts` shock.
 */
export function worstFalls(klinesBySymbol: Record<string, readonly KlineRow[]>, quote = 'USDT'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [symbol, rows] of Object.entries(klinesBySymbol)) {
    if (!symbol.endsWith(quote) || rows.length === 0) continue;
    const open = new Decimal(rows[0]![1]);
    if (!open.gt(0)) continue;
    const low = rows.reduce((m, r) => Decimal.min(m, r[3]), new Decimal(rows[0]![3]));
    out[symbol.slice(0, -quote.length)] = Decimal.min(0, low.div(open).minus(1).times(100)).toDecimalPlaces(2, Decimal.ROUND_UP).toFixed();
  }
  return out;
}
