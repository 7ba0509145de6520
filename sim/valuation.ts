import { Dec, ZERO, fmt8, sum } from './decimal';
import { NO_DEBT_LEVEL, PM_LIQUIDATION, PM_MARGIN_CALL, PM_REDUCE_ONLY } from './policy';
import type { Account, Balance, IsolatedPair, SimState } from './state';

/** Assets a_i = free + locked, liabilities l_i = borrowed + interest (docs/domain.md#exposure). */
export const held = (b: Balance): Dec => b.free.plus(b.locked);
export const owed = (b: Balance): Dec => b.borrowed.plus(b.interest);

export interface CrossValue {
  assetUsd: Dec;
  liabilityUsd: Dec;
  /** undefined when there is no debt: no margin level exists. */
  marginLevel?: Dec;
}

export function crossValue(state: SimState, balances: Iterable<Balance>): CrossValue {
  const list = [...balances];
  const assetUsd = sum(list.map((b) => held(b).times(state.price(b.asset))));
  const liabilityUsd = sum(list.map((b) => owed(b).times(state.price(b.asset))));
  return { assetUsd, liabilityUsd, marginLevel: liabilityUsd.isZero() ? undefined : assetUsd.div(liabilityUsd) };
}

export function marginLevelString(level: Dec | undefined): string {
  return level === undefined ? NO_DEBT_LEVEL : fmt8(level);
}

/**
 * BTC totals: asset and liability are each truncated to 8 decimals and net is their difference, so the three
 * reported totals agree exactly with one another and with Σ amount × price / BTC price to 1e-8.
 */
export function btcTotals(state: SimState, v: { assetUsd: Dec; liabilityUsd: Dec }) {
  const btc = state.price('BTC');
  const asset = fmt8(v.assetUsd.div(btc));
  const liability = fmt8(v.liabilityUsd.div(btc));
  return {
    totalAssetOfBtc: asset,
    totalLiabilityOfBtc: liability,
    totalNetAssetOfBtc: fmt8(new Dec(asset).minus(liability)),
  };
}

export function userAsset(b: Balance) {
  return {
    asset: b.asset,
    borrowed: fmt8(b.borrowed),
    free: fmt8(b.free),
    interest: fmt8(b.interest),
    locked: fmt8(b.locked),
    netAsset: fmt8(held(b).minus(owed(b))),
  };
}

export function pairValue(state: SimState, pair: IsolatedPair): CrossValue {
  return crossValue(state, [pair.base, pair.quote]);
}

export interface Bars {
  normalBar: Dec;
  marginCallBar: Dec;
  forceLiquidationBar: Dec;
}

/**
 * (choice) Margin level status bands, for an isolated pair and for a cross account's risk data stream;
 * PRE_LIQUIDATION is the last 0.05 above the liquidation bar.
 */
export function levelStatus(bars: Bars, level: Dec | undefined): string {
  if (level === undefined) return 'EXCESSIVE';
  if (level.lte(bars.forceLiquidationBar)) return 'FORCE_LIQUIDATION';
  if (level.lte(bars.forceLiquidationBar.plus('0.05'))) return 'PRE_LIQUIDATION';
  if (level.lte(bars.marginCallBar)) return 'MARGIN_CALL';
  if (level.lte(bars.normalBar)) return 'NORMAL';
  return 'EXCESSIVE';
}

export function pairStatus(pair: IsolatedPair, level: Dec | undefined): string {
  return levelStatus(pair, level);
}

/**
 * Base price (in quote) at which the pair's margin level hits its liquidation bar, holding the quote price:
 * (Ab·P + Aq) / (Lb·P + Lq) = bar  ⇒  P = (bar·Lq − Aq) / (Ab − bar·Lb). "0" when no such positive price.
 */
export function liquidatePrice(pair: IsolatedPair): Dec {
  const bar = pair.forceLiquidationBar;
  const num = bar.times(owed(pair.quote)).minus(held(pair.quote));
  const den = held(pair.base).minus(bar.times(owed(pair.base)));
  if (den.isZero()) return ZERO;
  const p = num.div(den);
  return p.gt(0) ? p : ZERO;
}

export interface PortfolioValue {
  equity: Dec;
  maintMargin: Dec;
  uniMMR?: Dec;
}

/** PM Pro: equity = Σ a·p − Σ l·p; maintenance margin = rate × Σ l·p (one rate per account: a choice). */
export function portfolioValue(state: SimState, account: Account): PortfolioValue {
  const v = crossValue(state, account.assets.values());
  const maintMargin = v.liabilityUsd.times(account.maintMarginRate ?? ZERO);
  const equity = v.assetUsd.minus(v.liabilityUsd);
  return { equity, maintMargin, uniMMR: maintMargin.isZero() ? undefined : equity.div(maintMargin) };
}

export function portfolioStatus(account: Account, uniMMR: Dec | undefined): string {
  if (account.pmBankrupt && account.pmLoan && account.pmLoan.amount.gt(0)) return 'BANKRUPTED';
  if (uniMMR === undefined) return 'NORMAL';
  if (uniMMR.lte(PM_LIQUIDATION)) return 'FORCE_LIQUIDATION';
  if (uniMMR.lte(PM_REDUCE_ONLY)) return 'REDUCE_ONLY';
  if (uniMMR.lte(PM_MARGIN_CALL)) return 'MARGIN_CALL';
  return 'NORMAL';
}

export function hasCrossLiability(account: Account): boolean {
  for (const b of account.assets.values()) if (owed(b).gt(0)) return true;
  return false;
}

/**
 * (choice) Binance does not publish its initial-margin formula: initial margin is taken as twice the
 * maintenance margin (the same one rate the scenario gives), and the available balance as what equity
 * holds above it, never below zero.
 */
const INITIAL_TO_MAINT = 2;

/** A PM Pro account's figures as the REST answer and the PM Pro user data stream give them (the same numbers). */
export function pmProFigures(state: SimState, account: Account) {
  const v = portfolioValue(state, account);
  const initialMargin = v.maintMargin.times(INITIAL_TO_MAINT);
  return {
    uniMMR: v.uniMMR === undefined ? NO_DEBT_LEVEL : fmt8(v.uniMMR),
    equity: fmt8(v.equity),
    maintMargin: fmt8(v.maintMargin),
    initialMargin: fmt8(initialMargin),
    available: fmt8(Dec.max(ZERO, v.equity.minus(initialMargin))),
    status: portfolioStatus(account, v.uniMMR),
  };
}
