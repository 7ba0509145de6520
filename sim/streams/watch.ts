import { Dec, ZERO, fmt8 } from '../decimal';
import { listedSymbols, symbolPrice } from '../symbols';
import type { Account, SimState } from '../state';
import { crossValue, levelStatus, marginLevelString } from '../valuation';
import { pmProFigures } from '../valuation';
import { type LiabilityType, type MiniTicker, marginLevelStatusChange, miniTicker, outboundAccountPosition, riskLevelChange, userLiabilityChange } from './events';
import type { ListenKind } from './listen-keys';

export type Emission =
  | { to: 'market'; stream: string; data: MiniTicker }
  | { to: 'market-all'; data: MiniTicker[] }
  | { to: 'user'; email: string; kind: ListenKind; data: object };

interface BalanceMark {
  free: Dec;
  locked: Dec;
  borrowed: Dec;
  interest: Dec;
}

interface AccountMark {
  status: string;
  /** Portfolio Margin Pro only: its status from uniMMR (NORMAL, MARGIN_CALL, REDUCE_ONLY, FORCE_LIQUIDATION, …). */
  pmStatus?: string;
  balances: Map<string, BalanceMark>;
}

/** The levels Binance pushes RISK_LEVEL_CHANGE for (PM Pro user data stream). */
const PM_RISK_LEVELS = new Set(['MARGIN_CALL', 'REDUCE_ONLY', 'FORCE_LIQUIDATION']);

function markOf(state: SimState, account: Account): AccountMark {
  const v = crossValue(state, account.assets.values());
  const balances = new Map<string, BalanceMark>();
  for (const b of account.assets.values()) balances.set(b.asset, { free: b.free, locked: b.locked, borrowed: b.borrowed, interest: b.interest });
  const pmStatus = account.mode === 'PORTFOLIO_MARGIN_PRO' ? pmProFigures(state, account).status : undefined;
  return { status: levelStatus(account.bars, v.marginLevel), balances, ...(pmStatus ? { pmStatus } : {}) };
}

/**
 * What changed since the last look, as stream events: prices become `miniTicker`s; for accounts someone
 * listens to, a new margin level status, a changed liability or a changed free/locked balance become risk
 * and trade data stream events. Only watched accounts are valued, so the REST path pays nothing for streams
 * nobody opened.
 */
export class ChangeWatcher {
  private readonly lastPrice = new Map<string, string>();
  private readonly marks = new Map<string, AccountMark>();
  private lastUpdate = new Map<string, number>();

  constructor(private readonly state: SimState) {
    this.rebase();
  }

  private get history() {
    return this.state.priceHistory;
  }

  /** After a reset: today's prices are the start of the history; no account is watched. */
  rebase(): void {
    this.history.clear();
    this.lastPrice.clear();
    this.marks.clear();
    const now = this.state.clock.now();
    for (const symbol of listedSymbols(this.state)) {
      const p = symbolPrice(this.state, symbol);
      if (!p) continue;
      this.lastPrice.set(symbol, fmt8(p));
      this.history.record(symbol, now, p);
    }
  }

  watch(email: string): void {
    const account = this.state.byEmail.get(email);
    if (account && !this.marks.has(email)) this.marks.set(email, markOf(this.state, account));
  }

  unwatch(email: string): void {
    this.marks.delete(email);
  }

  collect(): Emission[] {
    const now = this.state.clock.now();
    const out: Emission[] = [];
    const all: MiniTicker[] = [];
    for (const symbol of listedSymbols(this.state)) {
      const p = symbolPrice(this.state, symbol);
      if (!p) continue;
      const text = fmt8(p);
      if (this.lastPrice.get(symbol) === text) continue;
      this.lastPrice.set(symbol, text);
      this.history.record(symbol, now, p);
      const w = this.history.window(symbol, now);
      const t = miniTicker(symbol, now, { close: text, open: fmt8(w?.open ?? p), high: fmt8(w?.high ?? p), low: fmt8(w?.low ?? p) });
      all.push(t);
      out.push({ to: 'market', stream: `${symbol.toLowerCase()}@miniTicker`, data: t });
    }
    // Binance: the all-market array carries only the tickers that changed.
    if (all.length > 0) out.push({ to: 'market-all', data: all });
    for (const [email, before] of this.marks) {
      const account = this.state.byEmail.get(email);
      if (!account) continue;
      const after = markOf(this.state, account);
      this.marks.set(email, after);
      out.push(...this.accountEvents(email, account, before, after, now));
    }
    return out;
  }

  private accountEvents(email: string, account: Account, before: AccountMark, after: AccountMark, now: number): Emission[] {
    const out: Emission[] = [];
    const assets = new Set([...before.balances.keys(), ...after.balances.keys()]);
    const moved: Array<{ a: string; f: string; l: string }> = [];
    for (const asset of assets) {
      const b = before.balances.get(asset) ?? { free: ZERO, locked: ZERO, borrowed: ZERO, interest: ZERO };
      const a = after.balances.get(asset) ?? { free: ZERO, locked: ZERO, borrowed: ZERO, interest: ZERO };
      const dp = a.borrowed.minus(b.borrowed);
      const di = a.interest.minus(b.interest);
      if (!dp.isZero() || !di.isZero()) {
        const type: LiabilityType = dp.gt(0) ? 'BORROW' : dp.lt(0) || di.lt(0) ? 'REPAY' : 'INTEREST';
        out.push({ to: 'user', email, kind: 'risk', data: userLiabilityChange(now, asset, type, fmt8(dp.abs()), fmt8(di.abs())) });
      }
      if (!a.free.eq(b.free) || !a.locked.eq(b.locked)) moved.push({ a: asset, f: fmt8(a.free), l: fmt8(a.locked) });
    }
    if (moved.length > 0) {
      const last = Math.max(now, (this.lastUpdate.get(email) ?? 0) + 1);
      this.lastUpdate.set(email, last);
      out.push({ to: 'user', email, kind: 'trade', data: outboundAccountPosition(now, last, moved) });
    }
    if (after.pmStatus !== before.pmStatus && after.pmStatus && PM_RISK_LEVELS.has(after.pmStatus)) {
      const f = pmProFigures(this.state, account);
      out.push({ to: 'user', email, kind: 'pmpro', data: riskLevelChange(now, { uniMMR: f.uniMMR, status: after.pmStatus, equity: f.equity, maintMargin: f.maintMargin }) });
    }
    if (after.status !== before.status) {
      const level = marginLevelString(crossValue(this.state, account.assets.values()).marginLevel);
      out.push({ to: 'user', email, kind: 'risk', data: marginLevelStatusChange(now, level, after.status) });
    }
    return out;
  }
}
