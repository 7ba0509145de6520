import 'server-only';
import { ClockOffset } from './clock';
import type { EndpointDef, EndpointName, EndpointResult } from './endpoints';
import { ENDPOINTS, weightOf } from './endpoints';
import { errorFromBinanceBody } from './errors';
import { RequestTimedOut, fetchWithTimeout, parseExchangeJson, retryAfterMs } from './http';
import { namedMethods } from './methods';
import { buildSignedQuery, encodeParams } from './sign';
import { SpecialKeyGuard, specialKeyGuard } from './special-key-guard';
import { type ClientStats, emptyStats, recordAttempt } from './stats';
import type { ExchangeCredentials, RequestParams } from './types';
import { ExchangeError, RateLimitedError, TimeoutError } from './types';
import { WeightBudget, realSleep, sharedWeightBudget } from './weight-budget';

export type ExchangeClientOptions = {
  baseUrl: string;
  credentials: ExchangeCredentials;
  timeoutMs?: number;
  budget?: WeightBudget;
  fetch?: typeof fetch;
  recvWindow?: number;
  // Keys of one account share its UID budget; when the caller knows the account, keys are grouped by it.
  accountId?: string;
  guard?: SpecialKeyGuard;
  maxRetries?: number; // for GETs after a timeout, a 5xx or a 429
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

// (choice) Binance's default recvWindow; 10 s timeout and 3 retries per the issue.
const DEFAULTS = { timeoutMs: 10_000, recvWindow: 5000, maxRetries: 3, backoffBaseMs: 250, backoffCapMs: 4000 };
// Without Retry-After (Binance always sends it), wait a whole minute window.
const FALLBACK_RETRY_AFTER_MS = 60_000;

type Outcome =
  | { kind: 'ok'; data: unknown }
  | { kind: 'clock'; error: ExchangeError } // -1021: resync and retry once
  | { kind: 'rate-limited'; error: ExchangeError } // 429: the budget now blocks the scope; a GET may go again
  | { kind: 'transient'; error: ExchangeError } // timeout, network, 5xx: outcome unknown for writes
  | { kind: 'fatal'; error: ExchangeError };

export function createExchangeClient(opts: ExchangeClientOptions) {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const { credentials } = opts;
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  const recvWindow = opts.recvWindow ?? DEFAULTS.recvWindow;
  if (recvWindow <= 0 || recvWindow > 60_000) throw new RangeError('recvWindow must be in (0, 60000] ms (Binance’s maximum)');
  const maxRetries = opts.maxRetries ?? DEFAULTS.maxRetries;
  const budget = opts.budget ?? sharedWeightBudget;
  const guard = opts.guard ?? specialKeyGuard;
  const fetchImpl = opts.fetch ?? fetch;
  const now = opts.now ?? (() => Date.now());
  const sleep = opts.sleep ?? realSleep;
  const random = opts.random ?? Math.random;
  const account = opts.accountId ?? credentials.apiKey;
  const clock = new ClockOffset(now);
  const stats = emptyStats();
  let syncing: Promise<number> | null = null;

  async function request<N extends EndpointName>(name: N, params: RequestParams = {}): Promise<EndpointResult<N>> {
    const endpoint: EndpointDef = ENDPOINTS[name];
    const label = `${endpoint.method} ${endpoint.path}`;
    // First, before clock sync, budget or socket: a special key never reaches /sapi (DESIGN §1.1).
    guard.assertMaySend(credentials, endpoint.method, endpoint.path);
    let failures = 0;
    let resynced = false;
    for (;;) {
      const outcome = await attempt(endpoint, label, params);
      if (outcome.kind === 'ok') return outcome.data as EndpointResult<N>;
      if (outcome.kind === 'clock' && !resynced) {
        // The request was rejected, not executed, so even a write may be re-sent once with a fresh timestamp.
        resynced = true;
        stats.resyncs += 1;
        await syncClock();
        continue;
      }
      // A write is never re-sent after an unknown outcome: the caller re-reads state (issue 5).
      const mayRetry = endpoint.method === 'GET' && failures < maxRetries;
      if (mayRetry && (outcome.kind === 'transient' || outcome.kind === 'rate-limited')) {
        failures += 1;
        stats.retries += 1;
        // After a 429 the budget itself holds the next attempt until Retry-After; no extra sleep needed.
        if (outcome.kind === 'transient') await sleep(backoffMs(failures));
        continue;
      }
      throw outcome.error;
    }
  }

  async function attempt(endpoint: EndpointDef, label: string, params: RequestParams): Promise<Outcome> {
    if (endpoint.security === 'SIGNED' && !clock.synced) await syncClock();
    const weight = weightOf(endpoint, params);
    const reservation = await budget.acquire({ baseUrl, scope: endpoint.scope, endpoint: label, account }, weight);
    recordAttempt(stats, label, endpoint.scope, weight);
    // Signed after the budget wait, so the timestamp is fresh when the request leaves.
    const url = `${baseUrl}${endpoint.path}${queryFor(endpoint, params)}`;
    const headers: Record<string, string> = endpoint.security === 'NONE' ? {} : { 'X-MBX-APIKEY': credentials.apiKey };

    let res: Awaited<ReturnType<typeof fetchWithTimeout>>;
    try {
      res = await fetchWithTimeout(fetchImpl, url, { method: endpoint.method, headers }, timeoutMs);
    } catch (e) {
      budget.settle(reservation, null);
      if (e instanceof RequestTimedOut) return { kind: 'transient', error: new TimeoutError(label, timeoutMs, endpoint.method) };
      return { kind: 'transient', error: networkError(label, endpoint.method, e) };
    }
    budget.settle(reservation, res.headers);

    if (res.status === 429 || res.status === 418) {
      const retryAt = now() + retryAfterMs(res.headers, FALLBACK_RETRY_AFTER_MS);
      budget.block(reservation, res.status, retryAt);
      if (res.status === 429) stats.rateLimited429 += 1;
      else stats.banned418 += 1;
      const error = new RateLimitedError({ endpoint: label, httpStatus: res.status, retryAt, exchangeMessage: binanceMsg(res.text) });
      // 418 is a ban: never retried automatically, every scope of this base URL is already paused.
      return { kind: res.status === 429 ? 'rate-limited' : 'fatal', error };
    }

    let body: unknown;
    try {
      body = parseExchangeJson(res.text);
    } catch {
      const error = res.status >= 500
        ? errorFromBinanceBody({ endpoint: label, httpStatus: res.status, body: null })
        : new ExchangeError({ code: 'BAD_RESPONSE', httpStatus: res.status, endpoint: label, message: `${label}: the exchange answered with something that is not JSON` });
      return { kind: res.status >= 500 ? 'transient' : 'fatal', error };
    }
    if (res.status >= 400) {
      const error = errorFromBinanceBody({ endpoint: label, httpStatus: res.status, body });
      if (error.code === -1021) return { kind: 'clock', error };
      return { kind: res.status >= 500 || error.retryable ? 'transient' : 'fatal', error };
    }
    const parsed = endpoint.schema.safeParse(body);
    if (!parsed.success) {
      // Paths only, never values: a response may carry a secretKey (POST /sapi/v1/margin/apiKey).
      const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(root)').join(', ');
      return {
        kind: 'fatal',
        error: new ExchangeError({ code: 'BAD_RESPONSE', httpStatus: res.status, endpoint: label, message: `${label}: the exchange’s answer does not match the documented shape (at ${where})` }),
      };
    }
    return { kind: 'ok', data: parsed.data };
  }

  function queryFor(endpoint: EndpointDef, params: RequestParams): string {
    const query = endpoint.security === 'SIGNED'
      ? buildSignedQuery(params, credentials.signer, { timestamp: clock.timestamp(), recvWindow }).query
      : encodeParams(params);
    return query ? `?${query}` : '';
  }

  // Concurrent first requests share one GET /api/v3/time.
  function syncClock(): Promise<number> {
    syncing ??= (async () => {
      try {
        const sentAt = now();
        const { serverTime } = await request('serverTime');
        clock.update(serverTime, sentAt, now());
        return serverTime;
      } finally {
        syncing = null;
      }
    })();
    return syncing;
  }

  // "Full jitter" exponential backoff: spreads retries of many clients instead of synchronising them.
  function backoffMs(failures: number): number {
    const ceiling = Math.min(DEFAULTS.backoffCapMs, DEFAULTS.backoffBaseMs * 2 ** (failures - 1));
    return Math.round(ceiling * (0.5 + random() / 2));
  }

  const core = {
    request,
    serverTime: syncClock,
    clockOffsetMs: () => clock.offset,
    stats: (): ClientStats => structuredClone(stats),
  };
  return { ...core, ...namedMethods(request, guard) };
}

export type ExchangeClient = ReturnType<typeof createExchangeClient>;
export type RequestFn = <N extends EndpointName>(name: N, params?: RequestParams) => Promise<EndpointResult<N>>;

function networkError(endpoint: string, method: string, e: unknown): ExchangeError {
  const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
  return new ExchangeError({
    code: 'NETWORK',
    endpoint,
    retryable: method === 'GET',
    message:
      `${endpoint}: could not reach the exchange (${cause})` +
      (method === 'GET' ? '' : ' — it may or may not have acted; re-read the state before trying again'),
  });
}

function binanceMsg(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { msg?: unknown };
    return typeof body.msg === 'string' ? body.msg : undefined;
  } catch {
    return undefined;
  }
}
