import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { handleAdmin } from './admin';
import type { Faults } from './admin-target';
import { oddAnswer } from './odd-answers';
import { authenticate } from './auth';
import { BinanceError, err } from './errors';
import { Params } from './params';
import { RateLimiter } from './rate-limit';
import { Recorder } from './recorder';
import { type Route, routeKey } from './route';
import { ROUTE_TABLE } from './routes';
import type { Scenario } from './scenario';
import { SimState } from './state';
import { mulberry32 } from './prng';
import { type LiquidationEvent, runLiquidations } from './liquidation';
import { dec } from './decimal';
import { StreamHub } from './streams/hub';
import { PricePath } from './streams/price-path';

export type { Faults };

const JSON_TYPE = 'application/json;charset=UTF-8';
const MAX_BODY = 1 << 20;

/** The exchange behind the HTTP server: state, limits, faults, and the request pipeline. */
export class Simulator {
  readonly state: SimState;
  readonly recorder = new Recorder();
  readonly limiter = new RateLimiter();
  faults: Faults = { latencyMs: 0, error5xxRate: 0, timeoutPaths: [] };
  random = mulberry32(1);
  readonly streams: StreamHub;
  readonly pricePath: PricePath;

  constructor(
    scenario: Scenario,
    private readonly baseLatencyMs = 0,
  ) {
    this.state = new SimState(scenario);
    this.streams = new StreamHub(this.state);
    this.pricePath = new PricePath((prices) => {
      this.movePrices(() => {
        for (const [symbol, p] of Object.entries(prices)) this.state.prices.set(symbol.slice(0, -4), dec(p));
      });
    });
  }

  /**
   * Every price change goes through here: the new prices are streamed (tickers, and the status change that
   * crossing a bar causes) before the liquidation engine acts, then what liquidation changed is streamed too.
   */
  movePrices(change: () => void): LiquidationEvent[] {
    change();
    this.streams.publish();
    const liquidations = runLiquidations(this.state);
    if (liquidations.length > 0) this.streams.publish();
    this.onChange?.();
    return liquidations;
  }

  /** Called after anything that may have changed the state (a price move, a non-GET request): demo mode saves it. */
  onChange?: () => void;

  reset(): void {
    this.pricePath.stop();
    this.state.clock.offsetMs = 0;
    this.state.load();
    this.streams.reset();
    this.recorder.reset();
    this.limiter.reset();
    this.faults = { latencyMs: 0, error5xxRate: 0, timeoutPaths: [] };
    this.random = mulberry32(1);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const qIndex = url.indexOf('?');
    const path = qIndex < 0 ? url : url.slice(0, qIndex);
    const rawQuery = qIndex < 0 ? '' : url.slice(qIndex + 1);
    const rawBody = req.method === 'GET' ? '' : await readBody(req);
    if (path.startsWith('/__sim/')) {
      const out = handleAdmin(this, req.method ?? 'GET', path, rawQuery, rawBody, req.socket.remoteAddress);
      return send(res, out.status, out.body, {});
    }
    const latency = this.baseLatencyMs + this.faults.latencyMs;
    if (latency > 0) await delay(latency);
    if (this.faults.timeoutPaths.includes(path)) return; // never answered: the client must time out
    const started = performance.now();
    const method = req.method ?? 'GET';
    const route = ROUTE_TABLE.get(routeKey(method, path));
    const header = req.headers['x-mbx-apikey'];
    const apiKeyHeader = Array.isArray(header) ? header[0] : header;
    const ref = apiKeyHeader ? this.state.keyIndex.get(apiKeyHeader) : undefined;
    let status = 200;
    let code: number | undefined;
    let weight = 0;
    let headers: Record<string, string> = {};
    let body: unknown;
    let targetKey: string | undefined;
    try {
      if (this.faults.error5xxRate > 0 && this.random() < this.faults.error5xxRate) throw err.internal();
      if (!route) throw err.notFound();
      const echo = this.faults.echoErrors?.find((f) => f.path === path && (f.account === undefined || f.account === ref?.account.email));
      if (echo) throw new BinanceError(echo.status, echo.code, `Request refused: ${method} ${path}?${rawQuery}${rawBody ? ` body ${rawBody}` : ''} X-MBX-APIKEY: ${apiKeyHeader ?? ''} (apiKey=${apiKeyHeader ?? ''})`);
      const params = new Params(rawQuery, rawBody);
      targetKey = params.get('apiKey');
      weight = typeof route.weight === 'number' ? route.weight : route.weight(params);
      ({ headers, body } = this.serve(route, params, { rawQuery, rawBody, apiKeyHeader, ref, weight }));
    } catch (e) {
      const be = e instanceof BinanceError ? e : err.unknown();
      if (!(e instanceof BinanceError)) console.error('simulator: unexpected error', e);
      status = be.status;
      code = be.code;
      headers = { ...headers, ...be.headers };
      body = { code: be.code, msg: be.message };
    }
    const odd = status === 200 ? this.faults.oddAnswers?.find((f) => f.path === path && f.account === ref?.account.email) : undefined;
    if (odd) body = oddAnswer(odd, body);
    send(res, status, body, headers);
    // A call that may have changed an account (borrow, repay, exit…) is streamed to whoever listens.
    if (method !== 'GET' && status === 200) this.streams.publish();
    this.recorder.request({
      time: this.state.clock.now(),
      method,
      path,
      apiKey: ref?.key.apiKey ?? apiKeyHeader,
      keyName: ref?.key.name,
      keyType: ref?.key.kind,
      account: ref?.account.email,
      targetKey,
      weight,
      status,
      code,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    });
  }

  private serve(
    route: Route,
    params: Params,
    req: { rawQuery: string; rawBody: string; apiKeyHeader?: string; ref: ReturnType<SimState['keyIndex']['get']>; weight: number },
  ): { headers: Record<string, string>; body: unknown } {
    const now = this.state.clock.now();
    const ip = this.state.scenario.clientIp;
    this.limiter.checkBan(ip, now);
    // UID-limited endpoints charge the calling account; before the key is known, the caller's IP.
    const bucket = route.limit === 'UID' && req.ref ? `uid:${req.ref.account.uid}` : `ip:${ip}`;
    let headers: Record<string, string> = {};
    try {
      headers = this.limiter.charge(route.limit, bucket, route.path, ip, req.weight, now);
      const base = { state: this.state, params, now };
      if (route.security === 'NONE') return { headers, body: route.handler(base as Parameters<Route['handler']>[0]) };
      const { key, account } = authenticate(this.state, this.recorder, { route, params, ...req, ip, now }, req.ref);
      if (route.margin && !account.hasMarginWallet) throw err.noMarginAccount();
      const ctx = { ...base, key, account, headers: {} as Record<string, string> };
      const body = route.handler(ctx);
      return { headers: { ...headers, ...ctx.headers }, body };
    } catch (e) {
      if (e instanceof BinanceError) throw new BinanceError(e.status, e.code, e.message, { ...headers, ...e.headers });
      throw e;
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
