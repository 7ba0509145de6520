import { createPublicKey, type KeyObject } from 'node:crypto';
import { Clock, resolveTime } from './clock';
import { Dec, ZERO, dec } from './decimal';
import type { KeyPermissions, Scenario, ScenarioAccount, ScenarioKey } from './scenario';
import { ListenKeys } from './streams/listen-keys';
import { PriceHistory } from './streams/price-history';

export type Mode = ScenarioAccount['mode'];

export interface Balance {
  asset: string;
  free: Dec;
  locked: Dec;
  borrowed: Dec;
  interest: Dec;
}

export interface IsolatedPair {
  symbol: string;
  base: Balance;
  quote: Balance;
  normalBar: Dec;
  marginCallBar: Dec;
  forceLiquidationBar: Dec;
  marginRatio: Dec;
}

export interface ApiKey {
  apiKey: string;
  name: string;
  kind: 'normal' | 'special';
  algorithm: ScenarioKey['algorithm'];
  secretKey?: string;
  publicKey?: KeyObject;
  permissions: KeyPermissions;
  ip: string[];
  symbol?: string;
  permissionMode: 'TRADE' | 'READ';
  createTime: number;
}

export interface SpecialKeyEvent {
  apiKey: string;
  apiName: string;
  symbol?: string;
  createdAt: number;
  deletedAt?: number;
}

export interface LiquidationRow {
  orderId: number;
  symbol: string;
  side: 'BUY' | 'SELL';
  qty: Dec;
  price: Dec;
  avgPrice: Dec;
  isIsolated: boolean;
  updatedTime: number;
}

export interface LoanRepay {
  repayId: number;
  asset: string;
  amount: Dec;
  createTime: number;
}

export interface SpotBalance {
  asset: string;
  free: Dec;
  locked: Dec;
}

export interface Account {
  uid: number;
  email: string;
  isMaster: boolean;
  mode: Mode;
  hasMarginWallet: boolean;
  spot: Map<string, SpotBalance>;
  /** Times of orders placed, for the X-MBX-ORDER-COUNT-* headers. */
  orderTimes: number[];
  remark: string;
  isFreeze: boolean;
  createTime: number;
  bars: { normalBar: Dec; marginCallBar: Dec; forceLiquidationBar: Dec };
  assets: Map<string, Balance>;
  isolated: Map<string, IsolatedPair>;
  maintMarginRate?: Dec;
  keys: Map<string, ApiKey>;
  /** Every special key ever seen on the account: the binding rule (docs/domain.md#liquidationloan) needs the history. */
  specialKeyEvents: SpecialKeyEvent[];
  /** Set by creating a special key, cleared only by a successful exit: deleting keys does not clear it. */
  inSpecialKeyMode: boolean;
  exitedAt?: number;
  liquidationLoan?: { asset: string; amount: Dec; repaid: Dec };
  loanRepays: LoanRepay[];
  pmLoan?: { asset: string; amount: Dec };
  pmBankrupt: boolean;
  liquidations: LiquidationRow[];
  beingLiquidated: boolean;
}

export interface KeyRef {
  key: ApiKey;
  account: Account;
}

/** The whole exchange as the simulator holds it: built from a scenario, mutated by requests and /__sim. */
export class SimState {
  readonly clock = new Clock();
  readonly listenKeys = new ListenKeys(this.clock);
  /** Every listed symbol's prices over time: miniTicker windows and klines. */
  readonly priceHistory = new PriceHistory();
  accounts: Account[] = [];
  byEmail = new Map<string, Account>();
  keyIndex = new Map<string, KeyRef>();
  /** USD price per asset; stablecoins are pinned to 1. */
  prices = new Map<string, Dec>();
  /** Assets valued at Binance's index price only: no ticker pair lists them (scenario `indexOnlyPrices`). */
  unlisted = new Set<string>();
  private nextId = 1_000_000;

  constructor(readonly scenario: Scenario) {
    this.load();
  }

  get master(): Account {
    const m = this.accounts[0];
    if (!m) throw new Error('scenario has no master');
    return m;
  }

  id(): number {
    return this.nextId++;
  }

  /** The next id `id()` hands out, for saving the state (sim/persist.ts). */
  peekId(): number {
    return this.nextId;
  }

  /** Puts back a state saved by sim/persist.ts instead of the scenario's (demo mode keeps the exchange across restarts). */
  restore(saved: { accounts: Account[]; prices: Map<string, Dec>; unlisted: Set<string>; clockOffsetMs: number; nextId: number }): void {
    this.accounts = [];
    this.byEmail.clear();
    this.keyIndex.clear();
    this.listenKeys.clear();
    this.prices = saved.prices;
    this.unlisted = saved.unlisted;
    this.clock.offsetMs = saved.clockOffsetMs;
    this.nextId = saved.nextId;
    for (const account of saved.accounts) this.add(account);
  }

  isStable(asset: string): boolean {
    return this.scenario.stablecoins.includes(asset);
  }

  price(asset: string): Dec {
    if (this.isStable(asset)) return dec(1);
    const p = this.prices.get(asset);
    if (!p) throw new Error(`no price for ${asset}`);
    return p;
  }

  /** Rebuilds everything from the scenario (used at start and by POST /__sim/reset). */
  load(): void {
    const now = this.clock.now();
    this.accounts = [];
    this.byEmail.clear();
    this.keyIndex.clear();
    this.prices.clear();
    this.unlisted.clear();
    this.listenKeys.clear();
    for (const [symbol, p] of Object.entries(this.scenario.prices)) this.prices.set(symbol.slice(0, -4), dec(p));
    for (const [asset, p] of Object.entries(this.scenario.indexOnlyPrices)) {
      this.prices.set(asset, dec(p));
      this.unlisted.add(asset);
    }
    const s = this.scenario;
    this.add(buildAccount(s.master, { uid: s.master.uid, isMaster: true, remark: '', isFreeze: false, createTime: now }, now));
    for (const sub of s.subAccounts) {
      const createTime = resolveTime(sub.createTime, now);
      this.add(buildAccount(sub, { uid: sub.subUserId, isMaster: false, remark: sub.remark, isFreeze: sub.isFreeze, createTime }, now));
    }
  }

  private add(account: Account): void {
    this.accounts.push(account);
    this.byEmail.set(account.email, account);
    for (const key of account.keys.values()) this.keyIndex.set(key.apiKey, { key, account });
  }

  addKey(account: Account, key: ApiKey): void {
    account.keys.set(key.apiKey, key);
    this.keyIndex.set(key.apiKey, { key, account });
  }

  removeKey(account: Account, apiKey: string): void {
    account.keys.delete(apiKey);
    this.keyIndex.delete(apiKey);
  }
}

function balance(b: { asset: string; free: string; locked: string; borrowed: string; interest: string }): Balance {
  return { asset: b.asset, free: dec(b.free), locked: dec(b.locked), borrowed: dec(b.borrowed), interest: dec(b.interest) };
}

export function emptyBalance(asset: string): Balance {
  return { asset, free: ZERO, locked: ZERO, borrowed: ZERO, interest: ZERO };
}

export function buildKey(k: ScenarioKey, now: number): ApiKey {
  return {
    apiKey: k.apiKey,
    name: k.name,
    kind: k.kind,
    algorithm: k.algorithm,
    secretKey: k.secretKey,
    publicKey: k.publicKey ? createPublicKey(k.publicKey) : undefined,
    permissions: { ...k.permissions },
    ip: [...k.ip],
    symbol: k.symbol,
    permissionMode: k.permissionMode,
    createTime: resolveTime(k.createTime, now),
  };
}

function buildAccount(
  a: ScenarioAccount,
  meta: { uid: number; isMaster: boolean; remark: string; isFreeze: boolean; createTime: number },
  now: number,
): Account {
  const keys = new Map(a.keys.map((k) => [k.apiKey, buildKey(k, now)] as const));
  const liveSpecial: SpecialKeyEvent[] = [...keys.values()]
    .filter((k) => k.kind === 'special')
    .map((k) => ({ apiKey: k.apiKey, apiName: k.name, symbol: k.symbol, createdAt: k.createTime }));
  const deleted: SpecialKeyEvent[] = a.deletedSpecialKeys.map((d) => ({
    apiKey: d.apiKey,
    apiName: d.apiName,
    symbol: d.symbol,
    createdAt: resolveTime(d.createdAt, now),
    deletedAt: resolveTime(d.deletedAt, now),
  }));
  const events = [...deleted, ...liveSpecial];
  const exitedAt = a.exitedAt === undefined ? undefined : resolveTime(a.exitedAt, now);
  return {
    ...meta,
    email: a.email,
    mode: a.mode,
    hasMarginWallet: a.marginWallet,
    spot: new Map(a.spot.map((b) => [b.asset, { asset: b.asset, free: dec(b.free), locked: dec(b.locked) }] as const)),
    orderTimes: [],
    bars: {
      normalBar: dec(a.tradeCoeff.normalBar),
      marginCallBar: dec(a.tradeCoeff.marginCallBar),
      forceLiquidationBar: dec(a.tradeCoeff.forceLiquidationBar),
    },
    assets: new Map(a.assets.map((b) => [b.asset, balance(b)] as const)),
    isolated: new Map(
      a.isolated.map((p) => [
        p.symbol,
        {
          symbol: p.symbol,
          base: balance(p.base),
          quote: balance(p.quote),
          normalBar: dec(p.normalBar),
          marginCallBar: dec(p.marginCallBar),
          forceLiquidationBar: dec(p.forceLiquidationBar),
          marginRatio: dec(p.marginRatio),
        },
      ] as const),
    ),
    maintMarginRate: a.portfolio ? dec(a.portfolio.maintMarginRate) : undefined,
    keys,
    specialKeyEvents: events,
    // In special-key mode once any special key was created after the last exit.
    inSpecialKeyMode: events.some((e) => exitedAt === undefined || e.createdAt > exitedAt),
    exitedAt,
    liquidationLoan: a.liquidationLoan
      ? { asset: a.liquidationLoan.asset, amount: dec(a.liquidationLoan.amount), repaid: dec(a.liquidationLoan.repaidAmount) }
      : undefined,
    loanRepays: [],
    pmLoan: a.pmLoan ? { asset: a.pmLoan.asset, amount: dec(a.pmLoan.amount) } : undefined,
    pmBankrupt: false,
    liquidations: a.forceLiquidationRec.map((r, i) => ({
      orderId: 900_000 + i,
      symbol: r.symbol,
      side: r.side,
      qty: dec(r.qty),
      price: dec(r.price),
      avgPrice: dec(r.avgPrice),
      isIsolated: r.isIsolated,
      updatedTime: resolveTime(r.updatedTime, now),
    })),
    beingLiquidated: a.beingLiquidated,
  };
}
