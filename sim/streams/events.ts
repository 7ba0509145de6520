/**
 * Stream payloads exactly as Binance documents them (field names and string/number types; sources in
 * sim/README.md, "Streams"). Amounts are decimal strings with 8 decimals, times are ms numbers.
 */

export interface MiniTicker {
  e: '24hrMiniTicker';
  E: number;
  s: string;
  c: string;
  o: string;
  h: string;
  l: string;
  v: string;
  q: string;
}

export function miniTicker(symbol: string, now: number, w: { close: string; open: string; high: string; low: string }): MiniTicker {
  // The simulator books no trades, so the 24 h volumes are zero.
  return { e: '24hrMiniTicker', E: now, s: symbol, c: w.close, o: w.open, h: w.high, l: w.low, v: '0', q: '0' };
}

/** Risk data stream: the account's margin level status changed (EXCESSIVE, NORMAL, MARGIN_CALL, PRE_LIQUIDATION, FORCE_LIQUIDATION). */
export function marginLevelStatusChange(now: number, level: string, status: string) {
  return { e: 'MARGIN_LEVEL_STATUS_CHANGE' as const, E: now, l: level, s: status };
}

export type LiabilityType = 'BORROW' | 'REPAY' | 'INTEREST';

/**
 * Risk data stream: a liability changed by a borrow, a repayment or interest. `p` and `i` are the principal
 * and interest quantities of that change, as in Binance's example (a 0.000001 BTC borrow); a repayment
 * carries positive quantities with `t: "REPAY"`.
 */
export function userLiabilityChange(now: number, asset: string, type: LiabilityType, principal: string, interest: string) {
  return { e: 'USER_LIABILITY_CHANGE' as const, E: now, a: asset, t: type, p: principal, i: interest };
}

/** Trade data stream: the assets a change may have touched, with their free and locked balances. */
export function outboundAccountPosition(now: number, lastUpdate: number, balances: Array<{ a: string; f: string; l: string }>) {
  return { e: 'outboundAccountPosition' as const, E: now, u: lastUpdate, B: balances };
}

/** Trade data stream: a deposit, withdrawal or transfer moved `d` of an asset. */
export function balanceUpdate(now: number, asset: string, delta: string, clearTime: number) {
  return { e: 'balanceUpdate' as const, E: now, a: asset, d: delta, T: clearTime };
}

/**
 * Portfolio Margin Pro user data stream: uniMMR crossed a risk level (MARGIN_CALL, REDUCE_ONLY, FORCE_LIQUIDATION).
 * Binance's PM Pro page names the event RISK_LEVEL_CHANGE without showing the payload; its portfolio-margin
 * page shows it as `{e: "riskLevelChange", E, u, s, eq, ae, m}`, which is what is sent (sim/README.md, "Streams").
 */
export function riskLevelChange(now: number, v: { uniMMR: string; status: string; equity: string; maintMargin: string }) {
  return { e: 'riskLevelChange' as const, E: now, u: v.uniMMR, s: v.status, eq: v.equity, ae: v.equity, m: v.maintMargin };
}

/**
 * Portfolio Margin Pro user data stream, every 5 s: `{e, E, u: uniMMR, eq: equity, ae: actual equity, im, mm,
 * avb: available balance, vmw: virtual max withdraw}` (USD; Event-pmProAccountUpdate). `u` is the PM Pro REST
 * answer's figure ("999" without a maintenance margin).
 */
export function pmProAccountUpdate(now: number, v: { uniMMR: string; equity: string; initialMargin: string; maintMargin: string; available: string }) {
  return { e: 'PM_PRO_ACCOUNT_UPDATE' as const, E: now, u: v.uniMMR, eq: v.equity, ae: v.equity, im: v.initialMargin, mm: v.maintMargin, avb: v.available, vmw: v.available };
}

/** Sent on a user stream when its listen key's life ends; the stream stops. */
export function listenKeyExpired(now: number, listenKey: string) {
  return { e: 'listenKeyExpired' as const, E: now, listenKey };
}
