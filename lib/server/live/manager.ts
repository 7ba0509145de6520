import 'server-only';
import { and, eq } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { AccountRiskInput } from '@/lib/risk';
import { LiveBook } from '@/lib/live/book';
import type { LiveAccount, LiveConnectionState, LiveMessage } from '@/lib/contracts/live';
import { parseFrame } from '@/lib/live/stream-events';
import { getDb } from '../db/client';
import { connections } from '../db/schema';
import type { ExchangeClient } from '../exchange';
import type { ListenKind } from '../exchange/methods';
import { clientFor } from '../exchange-clients';
import { latestRefreshes, snapshotsOf } from '../views/latest';
import { type BackoffOptions, DEFAULT_BACKOFF, ReconnectingSocket } from './socket';
import { streamBases } from './stream-urls';
import { ListenKeySet } from './user-streams';
import { errorText } from '../log/redact';

export interface LiveOptions {
  /** Binance recommends a keep-alive about every 30 minutes for a key that lives 60. */
  keepAliveMs: number;
  /**
   * Accounts per user-stream connection: two listen keys each, so 100 streams, far under Binance's 1024, and a
   * connection URL (`/stream?streams=…`, ~61 characters per key) well under common 8–16 KB request-line limits.
   */
  accountsPerConnection: number;
  /** Batches account updates for listeners: one message per interval at most. */
  flushMs: number;
  backoff: BackoffOptions;
}

export const DEFAULT_LIVE_OPTIONS: LiveOptions = { keepAliveMs: 30 * 60_000, accountsPerConnection: 50, flushMs: 50, backoff: DEFAULT_BACKOFF };

/** Binance's margin risk data stream serves cross margin only; PM Pro has its own user data stream (docs/live.md). */
const CROSS_MODES = new Set(['CROSS_CLASSIC', 'CROSS_PRO']);
const MAX_SYMBOLS_PER_CONNECTION = 1024;

/**
 * The one place that keeps a master's streams (docs/live.md): market tickers for every held asset, each
 * cross account's risk and trade data streams, each PM Pro account's user data stream, reconnection with backoff, listen-key renewal, a REST resync of
 * what changed while away, and the live book re-priced per tick. Listeners get batched account updates.
 */
export class LiveManager {
  readonly book = new LiveBook();
  market: LiveConnectionState = { state: 'off', since: null, reason: 'not started' };
  refreshId: string | null = null;
  private readonly listeners = new Set<(m: LiveMessage) => void>();
  private readonly sockets: ReconnectingSocket[] = [];
  private readonly userStreams: Array<{ keys: ListenKeySet; socket: ReconnectingSocket }> = [];
  private readonly clients = new Map<string, ExchangeClient>();
  private masterClient: ExchangeClient | null = null;
  private pending = new Set<string>();
  private readonly lastStatus = new Map<string, string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private keepAliveTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly masterId: string,
    private readonly options: LiveOptions = DEFAULT_LIVE_OPTIONS,
  ) {}

  /** Loads the shown refresh's balances and opens the streams. */
  async start(): Promise<void> {
    const db = await getDb();
    const [master] = await db.select().from(connections).where(and(eq(connections.id, this.masterId), eq(connections.kind, 'master')));
    if (!master) throw new Error('No such master connection.');
    this.masterClient = clientFor(master);
    const { shown } = await latestRefreshes(db, this.masterId);
    this.refreshId = shown?.id ?? null;
    if (!shown) return;
    for (const row of await snapshotsOf(db, shown.id)) {
      if (!row.input) continue;
      this.book.load(row.input as AccountRiskInput, row.dataAt.getTime());
      if (row.stale) this.book.markDelayed(row.accountEmail, row.dataAt.getTime());
    }
    const subs = await db.select().from(connections).where(and(eq(connections.masterId, this.masterId), eq(connections.kind, 'sub')));
    for (const row of subs) if (row.accountEmail && this.book.has(row.accountEmail)) this.clients.set(row.accountEmail, clientFor(row));
    const bases = streamBases(master.baseUrl);
    this.openMarket(bases.market);
    const keyed = this.book.emails().filter((e) => this.clients.has(e));
    const cross = keyed.filter((e) => CROSS_MODES.has(this.book.baseOf(e)!.mode));
    for (let i = 0; i < cross.length; i += this.options.accountsPerConnection) {
      const group = cross.slice(i, i + this.options.accountsPerConnection);
      this.openUserStream(group, ['risk', 'trade'], (names) => `${bases.risk}/stream?streams=${names.join('/')}`);
    }
    // (choice) Binance documents PM Pro's stream at `/ws/<listenKey>` only, no combined `/stream`: one connection
    // per account.
    for (const email of keyed.filter((e) => this.book.baseOf(e)!.mode === 'PM_PRO')) {
      this.openUserStream([email], ['pmPro'], ([key]) => `${bases.pmPro}/ws/${key}`);
    }
    this.keepAliveTimer = setInterval(() => void this.keepAlive(), this.options.keepAliveMs);
    this.keepAliveTimer.unref();
  }

  /**
   * `keepKeys` when a successor takes over: an account has one active listen key per stream, which the
   * successor's POST returned too, so closing it here would cut the successor's stream.
   */
  async stop(opts: { keepKeys?: boolean } = {}): Promise<void> {
    for (const s of this.sockets) s.stop();
    if (this.keepAliveTimer) clearInterval(this.keepAliveTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (!opts.keepKeys) await Promise.allSettled(this.userStreams.map((u) => u.keys.closeAll()));
    this.listeners.clear();
  }

  /** The manager's connections, and how many are open now (a bench waits for all before measuring). */
  connections(): { open: number; total: number } {
    return { open: this.sockets.filter((s) => s.open).length, total: this.sockets.length };
  }

  subscribe(listener: (m: LiveMessage) => void): () => void {
    this.listeners.add(listener);
    for (const v of this.views()) this.lastStatus.set(v.email, v.status);
    listener({ type: 'hello', masterId: this.masterId, refreshId: this.refreshId, market: this.market, accounts: this.views() });
    return () => this.unsubscribe(listener);
  }

  unsubscribe(listener: (m: LiveMessage) => void): void {
    this.listeners.delete(listener);
  }

  views(): LiveAccount[] {
    return this.book.emails().map((e) => this.view(e)).filter((v): v is LiveAccount => v !== undefined);
  }

  /** An account's figures, delayed whenever the prices behind them are not live. */
  view(email: string): LiveAccount | undefined {
    const v = this.book.view(email);
    if (!v) return undefined;
    if (this.market.state !== 'live' && v.delayedSince === null) return { ...v, delayedSince: this.market.since };
    return v;
  }

  private openMarket(base: string): void {
    const symbols = this.book.symbols();
    for (let i = 0; i < symbols.length; i += MAX_SYMBOLS_PER_CONNECTION) {
      const names = symbols.slice(i, i + MAX_SYMBOLS_PER_CONNECTION).map((s) => `${s.toLowerCase()}@miniTicker`);
      const socket = new ReconnectingSocket(
        {
          url: async () => `${base}/stream?streams=${names.join('/')}`,
          onFrame: (text) => this.onMarketFrame(text),
          onReopen: () => this.resyncPrices(),
          onDown: (reason) => this.setMarket({ state: 'delayed', since: this.market.since ?? Date.now(), reason }),
        },
        this.options.backoff,
      );
      this.sockets.push(socket);
      socket.start();
    }
    // Live from the first tick; until the socket opens the refresh's prices stand, labelled as such.
    this.setMarket({ state: 'live', since: null, reason: null });
  }

  /** One user-stream connection for these accounts' listen keys of these kinds; `url` from the keys' names. */
  private openUserStream(group: string[], kinds: ListenKind[], url: (names: string[]) => string): void {
    const keys = new ListenKeySet(this.clients, kinds);
    const socket: ReconnectingSocket = new ReconnectingSocket(
      {
        url: async () => url(await keys.ensure(group)),
        onFrame: (text) => this.onUserFrame(text, group, keys, socket),
        onReopen: () => this.resyncAccounts(group),
        onDown: () => {
          for (const email of group) this.book.markDelayed(email, Date.now());
          this.touch(group);
        },
      },
      this.options.backoff,
    );
    this.sockets.push(socket);
    this.userStreams.push({ keys, socket });
    socket.start();
  }

  private onMarketFrame(text: string): void {
    for (const ev of parseFrame(text).events) {
      if (ev.e !== '24hrMiniTicker') continue;
      const out = this.book.applyTicker(ev.s, ev.c, ev.E);
      if (out.kind === 'applied') this.touch(out.affected);
      else if (out.kind === 'rejected') void this.confirmPrice(out.reason);
    }
  }

  private onUserFrame(text: string, group: string[], keys: ListenKeySet, socket: ReconnectingSocket): void {
    const { stream, events } = parseFrame(text);
    // A combined stream names the key; a raw one (`/ws/<key>`, PM Pro) carries one account's events only.
    const owner = stream ? keys.ownerOf(stream) : group.length === 1 ? { email: group[0]! } : undefined;
    if (!owner) return; // an event for an account we do not hold is ignored
    for (const ev of events) {
      if (ev.e === 'listenKeyExpired') {
        // The stream stopped: new keys, a new connection, and a REST read of what was missed (onReopen).
        keys.forget(ev.listenKey);
        socket.restart('listen key expired');
        return;
      }
      if (this.book.applyAccountEvent(owner.email, ev)) this.touch([owner.email]);
    }
  }

  /** After a market gap: one REST read of the tickers, then live again. Between gaps prices cost no weight. */
  private async resyncPrices(): Promise<void> {
    try {
      const symbols = this.book.symbols();
      const tickers = symbols.length === 0 ? [] : await this.masterClient!.getTickerPrices(symbols);
      const now = Date.now();
      for (const t of tickers) {
        const out = this.book.applyTicker(t.symbol, t.price, now, { trusted: true });
        if (out.kind === 'applied') this.touch(out.affected);
      }
      this.setMarket({ state: 'live', since: null, reason: null });
    } catch (e) {
      this.setMarket({ state: 'delayed', since: this.market.since ?? Date.now(), reason: `price resync failed: ${errorText(e)}` });
    }
  }

  /** A zero price or a 90 % gap is not believed from the stream: the REST price decides (docs/live.md#faults). */
  private async confirmPrice(reason: string): Promise<void> {
    this.setMarket({ state: 'delayed', since: this.market.since ?? Date.now(), reason: `not believed: ${reason}` });
    await this.resyncPrices();
  }

  /**
   * Each account read again with its own key, as the refresh reads it: the balances (`margin/account`) and, for
   * PM Pro, `portfolio/account` (equity, maintenance margin, status). Events missed while away are in them.
   */
  private async resyncAccounts(emails: string[]): Promise<void> {
    for (const email of emails) {
      const base = this.book.baseOf(email);
      const client = this.clients.get(email);
      if (!base || !client) continue;
      try {
        const readAt = Date.now();
        const [margin, portfolio] = await Promise.all([client.getMarginAccount(), base.mode === 'PM_PRO' ? client.getPortfolioAccount() : null]);
        const input = withBalances(base, margin.userAssets);
        const pmPro = portfolio && { accountEquity: portfolio.accountEquity, accountMaintMargin: portfolio.accountMaintMargin, accountStatus: portfolio.accountStatus };
        this.book.load(pmPro ? { ...input, pmPro } : input, readAt);
      } catch {
        continue; // stays delayed; the next refresh or reconnection tries again
      }
      this.touch([email]);
    }
  }

  private async keepAlive(): Promise<void> {
    for (const { keys, socket } of this.userStreams) {
      const lost = await keys.keepAlive();
      if (lost.length > 0) socket.restart('listen key lost');
    }
  }

  private setMarket(m: LiveConnectionState): void {
    const changed = m.state !== this.market.state;
    this.market = m;
    if (changed) {
      this.emit({ type: 'market', market: m });
      this.touch(this.book.emails());
    }
  }

  /**
   * Queues accounts for the next batch; a changed status goes out at once, so a crossing is never merged away
   * by a later event of the same batch (a liquidation follows its FORCE_LIQUIDATION within milliseconds).
   */
  private touch(emails: Iterable<string>): void {
    if (this.listeners.size === 0) return;
    const crossed: LiveAccount[] = [];
    for (const e of emails) {
      // The status alone per tick; the rest of an account's view is made once per batch (docs/live.md#book).
      const status = this.book.shownStatus(e);
      const v = status !== undefined && this.lastStatus.get(e) !== status ? this.view(e) : undefined;
      if (v) {
        this.lastStatus.set(e, v.status);
        crossed.push(v);
      } else this.pending.add(e);
    }
    if (crossed.length > 0) this.emit({ type: 'accounts', accounts: crossed });
    if (this.flushTimer || this.pending.size === 0) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      const accounts = [...this.pending].map((e) => this.view(e)).filter((v): v is LiveAccount => v !== undefined);
      this.pending.clear();
      if (accounts.length > 0) this.emit({ type: 'accounts', accounts });
    }, this.options.flushMs);
  }

  private emit(m: LiveMessage): void {
    for (const l of this.listeners) l(m);
  }
}

type UserAsset = { asset: string; free: string; locked: string; borrowed: string; interest: string };

/** The base input with the balances of a fresh `margin/account` read (prices are the book's). */
function withBalances(base: AccountRiskInput, userAssets: UserAsset[]): AccountRiskInput {
  const priceOf = new Map(base.assets.map((a) => [a.asset, a.priceUsd]));
  const held = userAssets.filter((a) => !new Decimal(a.free).plus(a.locked).plus(a.borrowed).plus(a.interest).isZero());
  // An asset the refresh could not price stays named as unpriced (docs/domain.md#status), never valued at "";
  // one new since the refresh is left to the live book's ticker prices.
  const refreshUnpriced = new Set((base.unpriced ?? []).filter((u) => u.balance !== undefined).map((u) => u.asset));
  const assets = held
    .filter((a) => !refreshUnpriced.has(a.asset))
    .map((a) => ({ asset: a.asset, free: a.free, locked: a.locked, borrowed: a.borrowed, interest: a.interest, priceUsd: priceOf.get(a.asset) ?? '' }));
  const unpriced = held
    .filter((a) => refreshUnpriced.has(a.asset))
    .map((a) => ({
      asset: a.asset,
      held: new Decimal(a.free).plus(a.locked).toFixed(),
      owed: new Decimal(a.borrowed).plus(a.interest).toFixed(),
      balance: { free: a.free, locked: a.locked, borrowed: a.borrowed, interest: a.interest },
    }));
  const others = (base.unpriced ?? []).filter((u) => u.balance === undefined); // pair legs and loans: not in this read
  return { ...base, assets, ...(unpriced.length + others.length ? { unpriced: [...others, ...unpriced] } : {}) };
}
