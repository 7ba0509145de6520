import { Dec, ONE, ZERO, dec, max0 } from './decimal';
import { PM_LIQUIDATION, isBound } from './policy';
import { type Account, type Balance, type IsolatedPair, type SimState, emptyBalance } from './state';
import { crossValue, held, owed, portfolioValue } from './valuation';

export type Outcome = 'LIQUIDATION_LOAN' | 'BANKRUPTCY_LOAN' | 'WRITTEN_OFF' | 'NO_DEFICIT';

export interface LiquidationEvent {
  email: string;
  kind: 'CROSS' | 'PORTFOLIO_MARGIN_PRO' | 'ISOLATED';
  symbol?: string;
  assetUsd: string;
  liabilityUsd: string;
  proceedsUsd: string;
  deficitUsd: string;
  outcome: Outcome;
  time: number;
}

interface Closed {
  assetUsd: Dec;
  liabilityUsd: Dec;
  proceeds: Dec;
  deficit: Dec;
}

/**
 * Checks every account at current prices and liquidates what is at or below its bar (docs/domain.md#liquidationloan and #exposure):
 * Cross (Classic and Pro) at marginLevel ≤ forceLiquidationBar, PM Pro at uniMMR ≤ 1.05, isolated pairs one
 * by one at their own bar. Returns what happened, for /__sim/prices and tests.
 */
export function runLiquidations(state: SimState): LiquidationEvent[] {
  const events: LiquidationEvent[] = [];
  for (const account of state.accounts) {
    if (account.mode === 'PORTFOLIO_MARGIN_PRO') {
      const pv = portfolioValue(state, account);
      if (pv.uniMMR !== undefined && pv.uniMMR.lte(PM_LIQUIDATION)) events.push(liquidatePortfolio(state, account));
    } else {
      const v = crossValue(state, account.assets.values());
      if (v.marginLevel !== undefined && v.marginLevel.lte(account.bars.forceLiquidationBar))
        events.push(liquidateCross(state, account));
    }
    for (const pair of account.isolated.values()) {
      const v = crossValue(state, [pair.base, pair.quote]);
      if (v.marginLevel !== undefined && v.marginLevel.lte(pair.forceLiquidationBar)) events.push(liquidatePair(state, account, pair));
    }
  }
  return events;
}

function liquidateCross(state: SimState, account: Account): LiquidationEvent {
  const closed = closeOut(state, account, [...account.assets.values()], (asset) => `${asset}USDT`, false);
  account.assets = new Map([['USDT', { ...emptyBalance('USDT'), free: max0(closed.proceeds.minus(closed.liabilityUsd)) }]]);
  let outcome: Outcome = 'NO_DEFICIT';
  if (closed.deficit.gt(0)) {
    // Only a bound Cross Classic account turns its deficit into a LiquidationLoan (in USDC); others are written off.
    if (isBound(state, account)) {
      const loan = account.liquidationLoan ?? { asset: 'USDC', amount: ZERO, repaid: ZERO };
      loan.amount = loan.amount.plus(closed.deficit);
      account.liquidationLoan = loan;
      outcome = 'LIQUIDATION_LOAN';
    } else outcome = 'WRITTEN_OFF';
  }
  return event(state, account, 'CROSS', undefined, closed, outcome);
}

function liquidatePortfolio(state: SimState, account: Account): LiquidationEvent {
  const closed = closeOut(state, account, [...account.assets.values()], (asset) => `${asset}USDT`, false);
  account.assets = new Map([['USDT', { ...emptyBalance('USDT'), free: max0(closed.proceeds.minus(closed.liabilityUsd)) }]]);
  let outcome: Outcome = 'NO_DEFICIT';
  if (closed.deficit.gt(0)) {
    // PM Pro keeps its existing bankruptcy-loan logic whatever the terms say.
    const loan = account.pmLoan ?? { asset: 'USDT', amount: ZERO };
    loan.amount = loan.amount.plus(closed.deficit);
    account.pmLoan = loan;
    account.pmBankrupt = true;
    outcome = 'BANKRUPTCY_LOAN';
  }
  return event(state, account, 'PORTFOLIO_MARGIN_PRO', undefined, closed, outcome);
}

function liquidatePair(state: SimState, account: Account, pair: IsolatedPair): LiquidationEvent {
  const closed = closeOut(state, account, [pair.base, pair.quote], () => pair.symbol, true);
  const quotePrice = state.price(pair.quote.asset);
  pair.base = emptyBalance(pair.base.asset);
  pair.quote = { ...emptyBalance(pair.quote.asset), free: max0(closed.proceeds.minus(closed.liabilityUsd)).div(quotePrice) };
  // Isolated margin never creates a loan: the pair's collateral is all the user can lose.
  return event(state, account, 'ISOLATED', pair.symbol, closed, closed.deficit.gt(0) ? 'WRITTEN_OFF' : 'NO_DEFICIT');
}

/**
 * Sells every asset at the current price less the liquidation cost f and buys back every liability at the
 * current price, so proceeds = A·(1−f) and deficit D = max(0, L − A·(1−f)), exactly docs/domain.md#exposure's D(s).
 * Stablecoins are settled without an order but still bear f, to keep that formula exact.
 */
function closeOut(state: SimState, account: Account, balances: Balance[], symbolOf: (asset: string) => string, isIsolated: boolean): Closed {
  const f = dec(state.scenario.liquidationCost);
  const now = state.clock.now();
  let assetUsd = ZERO;
  let liabilityUsd = ZERO;
  for (const b of balances) {
    const p = state.price(b.asset);
    assetUsd = assetUsd.plus(held(b).times(p));
    liabilityUsd = liabilityUsd.plus(owed(b).times(p));
  }
  for (const b of balances) {
    if (state.isStable(b.asset)) continue;
    const p = state.price(b.asset);
    const quote = isIsolated ? state.price(balances[1]?.asset ?? 'USDT') : dec(1);
    const px = p.div(quote);
    const sell = held(b);
    const buy = owed(b);
    const row = { symbol: symbolOf(b.asset), price: px, isIsolated, updatedTime: now };
    if (sell.gt(0)) account.liquidations.unshift({ ...row, orderId: state.id(), side: 'SELL', qty: sell, avgPrice: px.times(ONE.minus(f)) });
    if (buy.gt(0)) account.liquidations.unshift({ ...row, orderId: state.id(), side: 'BUY', qty: buy, avgPrice: px });
  }
  const proceeds = assetUsd.times(ONE.minus(f));
  return { assetUsd, liabilityUsd, proceeds, deficit: max0(liabilityUsd.minus(proceeds)) };
}

function event(state: SimState, account: Account, kind: LiquidationEvent['kind'], symbol: string | undefined, c: Closed, outcome: Outcome): LiquidationEvent {
  return {
    email: account.email,
    kind,
    symbol,
    assetUsd: c.assetUsd.toString(),
    liabilityUsd: c.liabilityUsd.toString(),
    proceedsUsd: c.proceeds.toString(),
    deficitUsd: c.deficit.toString(),
    outcome,
    time: state.clock.now(),
  };
}
