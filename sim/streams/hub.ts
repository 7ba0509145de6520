import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { SimState } from '../state';
import { pmProFigures } from '../valuation';
import { listenKeyExpired, pmProAccountUpdate } from './events';
import { MAX_CONNECTION_MS, MAX_STREAMS_PER_CONNECTION, PING_INTERVAL_MS, PONG_TIMEOUT_MS } from './limits';
import type { ListenKey, ListenKind } from './listen-keys';
import { ChangeWatcher, type Emission } from './watch';

const MARKET_STREAM = /^[a-z0-9]+@miniTicker$/;
const ALL_MARKET = '!miniTicker@arr';

interface Connection {
  ws: WebSocket;
  combined: boolean;
  streams: Set<string>;
  /** Listen keys among `streams`, by key. */
  keys: Map<string, ListenKey>;
  lastPong: number;
  lastPing: number;
  lifeTimer: NodeJS.Timeout;
}

export interface StreamSettings {
  /** Binance's 24 h; tests shorten it to see the disconnect. */
  maxConnectionMs: number;
  /** PM_PRO_ACCOUNT_UPDATE period: Binance's 5 s; tests shorten it. */
  pmProUpdateMs: number;
}

const DEFAULT_SETTINGS: StreamSettings = { maxConnectionMs: MAX_CONNECTION_MS, pmProUpdateMs: 5_000 };

/** Binance serves Portfolio Margin Pro's user data stream on its own base (`wss://fstream.binance.com/pm-classic`). */
const PM_PREFIX = '/pm-classic';

/**
 * The WebSocket side of the simulator: `/ws/<stream>` and `/stream?streams=a/b/c` on the same port as the
 * REST API, serving market streams and listen-key user streams (risk and trade data), with Binance's
 * lifetimes and a fault control that drops connections.
 */
export class StreamHub {
  readonly watcher: ChangeWatcher;
  settings: StreamSettings = { ...DEFAULT_SETTINGS };
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly conns = new Set<Connection>();
  private readonly timer: NodeJS.Timeout;
  private lastPmUpdate = Date.now();

  constructor(private readonly state: SimState) {
    this.watcher = new ChangeWatcher(state);
    this.timer = setInterval(() => this.housekeeping(), 250);
    this.timer.unref();
  }

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
  }

  get connectionCount(): number {
    return this.conns.size;
  }

  /** Sends what changed since the last call to everyone listening; called after every state change. */
  publish(): void {
    // Collected even with nobody listening, so the price history (miniTicker windows, klines) stays whole.
    for (const e of this.watcher.collect()) this.route(e);
  }

  /** An event the watcher cannot infer from state (a deposit's balanceUpdate). */
  emitUser(email: string, kind: ListenKind, data: object): void {
    this.route({ to: 'user', email, kind, data });
  }

  /** Test fault: drop connections without a close frame, as a network failure would. */
  drop(filter: { listenKey?: string; market?: boolean } = {}): number {
    let n = 0;
    for (const c of [...this.conns]) {
      const user = c.keys.size > 0;
      if (filter.listenKey && !c.keys.has(filter.listenKey)) continue;
      if (filter.market !== undefined && filter.market === user) continue;
      c.ws.terminate();
      this.forget(c);
      n++;
    }
    return n;
  }

  reset(): void {
    this.drop();
    this.settings = { ...DEFAULT_SETTINGS };
    this.watcher.rebase();
  }

  close(): void {
    clearInterval(this.timer);
    this.drop();
    this.wss.close();
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://sim');
    let names: string[];
    let combined: boolean;
    const pm = url.pathname.startsWith(`${PM_PREFIX}/ws/`);
    if (pm) {
      names = [decodeURIComponent(url.pathname.slice(PM_PREFIX.length + 4))];
      combined = false;
    } else if (url.pathname.startsWith('/ws/')) {
      names = [decodeURIComponent(url.pathname.slice(4))];
      combined = false;
    } else if (url.pathname === '/stream') {
      names = (url.searchParams.get('streams') ?? '').split('/').filter(Boolean);
      combined = true;
    } else return refuse(socket, 404, 'Unknown path.');
    if (names.length === 0) return refuse(socket, 400, 'No stream given.');
    if (names.length > MAX_STREAMS_PER_CONNECTION) return refuse(socket, 400, `At most ${MAX_STREAMS_PER_CONNECTION} streams per connection.`);
    const keys = new Map<string, ListenKey>();
    for (const name of names) {
      if (name === ALL_MARKET || MARKET_STREAM.test(name)) continue;
      const k = this.state.listenKeys.active(name);
      // A PM Pro key opens only on the PM Pro base, and only a PM Pro key opens there.
      if (!k || (k.kind === 'pmpro') !== pm) return refuse(socket, 400, `Invalid stream or listenKey: ${name.slice(0, 12)}…`);
      keys.set(name, k);
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, new Set(names), keys, combined));
  }

  private open(ws: WebSocket, streams: Set<string>, keys: Map<string, ListenKey>, combined: boolean): void {
    const c: Connection = {
      ws,
      combined,
      streams,
      keys,
      lastPong: Date.now(),
      lastPing: Date.now(),
      lifeTimer: setTimeout(() => {
        ws.close(1000, 'connection lifetime reached');
        this.forget(c);
      }, this.settings.maxConnectionMs),
    };
    // Account marks start now: changes before this connection opened are not replayed (a REST read covers them).
    this.conns.add(c);
    for (const k of keys.values()) this.watcher.watch(k.email);
    ws.on('pong', () => (c.lastPong = Date.now()));
    ws.on('close', () => this.forget(c));
    ws.on('error', () => this.forget(c));
    // Clients may only answer; a request frame we do not implement is ignored, as Binance ignores unknown ones.
    ws.on('message', () => undefined);
  }

  private forget(c: Connection): void {
    if (!this.conns.delete(c)) return;
    clearTimeout(c.lifeTimer);
    for (const k of c.keys.values()) if (!this.someoneListensTo(k.email)) this.watcher.unwatch(k.email);
  }

  private someoneListensTo(email: string): boolean {
    for (const c of this.conns) for (const k of c.keys.values()) if (k.email === email) return true;
    return false;
  }

  private route(e: Emission): void {
    for (const c of this.conns) {
      if (e.to === 'market') {
        if (c.streams.has(e.stream)) send(c, e.stream, e.data);
      } else if (e.to === 'market-all') {
        if (c.streams.has(ALL_MARKET)) send(c, ALL_MARKET, e.data);
      } else {
        for (const k of c.keys.values()) if (k.email === e.email && k.kind === e.kind) send(c, k.key, e.data);
      }
    }
  }

  private housekeeping(): void {
    const expired = this.state.listenKeys.sweepExpired();
    const now = this.state.clock.now();
    for (const k of expired) {
      for (const c of [...this.conns]) {
        if (!c.keys.has(k.key)) continue;
        send(c, k.key, listenKeyExpired(now, k.key));
        c.keys.delete(k.key);
        c.streams.delete(k.key);
        // A connection left with nothing to listen to is closed, as the exchange would stop the stream.
        if (c.streams.size === 0) {
          c.ws.close(1000, 'listenKey expired');
          this.forget(c);
        }
      }
      if (!this.someoneListensTo(k.email)) this.watcher.unwatch(k.email);
    }
    const t = Date.now();
    if (t - this.lastPmUpdate >= this.settings.pmProUpdateMs) {
      this.lastPmUpdate = t;
      this.pmProUpdates(now);
    }
    for (const c of [...this.conns]) {
      if (t - c.lastPong > PONG_TIMEOUT_MS) {
        c.ws.terminate();
        this.forget(c);
      } else if (t - c.lastPing >= PING_INTERVAL_MS) {
        c.lastPing = t;
        c.ws.ping();
      }
    }
  }

  /** Every open PM Pro user data stream gets its account's figures (Binance: every 5 s). */
  private pmProUpdates(now: number): void {
    for (const c of this.conns) {
      for (const k of c.keys.values()) {
        const account = k.kind === 'pmpro' ? this.state.byEmail.get(k.email) : undefined;
        if (account?.mode !== 'PORTFOLIO_MARGIN_PRO') continue;
        send(c, k.key, pmProAccountUpdate(now, pmProFigures(this.state, account)));
      }
    }
  }
}

function send(c: Connection, stream: string, data: unknown): void {
  if (c.ws.readyState !== WebSocket.OPEN) return;
  c.ws.send(JSON.stringify(c.combined ? { stream, data } : data));
}

function refuse(socket: Duplex, status: number, msg: string): void {
  const body = JSON.stringify({ code: -1121, msg });
  socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
