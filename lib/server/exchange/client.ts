import 'server-only';
import { ClockOffset } from './clock';
import type { EndpointDef, EndpointName, EndpointResult } from './endpoints';
import { ENDPOINTS, futuresBaseUrl, weightOf } from './endpoints';
import { RequestTimedOut, fetchWithTimeout } from './http';
import { namedMethods } from './methods';
import { type Outcome, classifyAnswer } from './response';
import { buildSignedQuery, encodeParams } from './sign';
import { SpecialKeyGuard, specialKeyGuard } from './special-key-guard';
import { type ClientStats, emptyStats, recordAttempt } from './stats';
import type { ExchangeCredentials, RequestParams } from './types';
import { ExchangeError, TimeoutError } from './types';
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

/** (choice) Binance's default recvWindow: a signed request is refused once this long past its timestamp. */
export const DEFAULT_RECV_WINDOW_MS = 5000;
// (choice) 10 s timeout and 3 retries per the issue.
const DEFAULTS = { timeoutMs: 10_000, recvWindow: DEFAULT_RECV_WINDOW_MS, maxRetries: 3, backoffBaseMs: 250, backoffCapMs: 4000 };

export function createExchangeClient(opts: ExchangeClientOptions) {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const fapiBaseUrl = futuresBaseUrl(baseUrl);
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
    // First, before clock sync, budget or socket: a special key never reaches /sapi (docs/domain.md#keys).
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
      // A 418 ban is never retried: every scope of this base URL is already paused.
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
    // The futures host counts (and bans) apart from the spot/margin one.
    const host = endpoint.host === 'fapi' ? fapiBaseUrl : baseUrl;
    const reservation = await budget.acquire({ baseUrl: host, scope: endpoint.scope, endpoint: label, account }, weight);
    recordAttempt(stats, label, endpoint.scope, weight);
    // Signed after the budget wait, so the timestamp is fresh when the request leaves.
    const url = `${host}${endpoint.path}${queryFor(endpoint, params)}`;
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

    const outcome = classifyAnswer({ endpoint, label, answer: res, now: now() });
    if (outcome.kind === 'rate-limited' || outcome.kind === 'banned') {
      budget.block(reservation, outcome.error.httpStatus === 418 ? 418 : 429, outcome.error.retryAt);
      if (outcome.kind === 'rate-limited') stats.rateLimited429 += 1;
      else stats.banned418 += 1;
    }
    return outcome;
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

  // Exponential backoff with "equal jitter" (half fixed, half random): spreads the retries of many clients
  // instead of synchronising them, yet never retries immediately.
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

/** Failures before a connection exists: the request was never written, so it cannot have acted. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'bad port']);

function networkError(endpoint: string, method: string, e: unknown): ExchangeError {
  // undici wraps the reason: a code (ECONNREFUSED…) or, for refusals such as fetch's blocked ports, a message.
  const inner = (e as { cause?: { code?: string; message?: string } }).cause;
  const cause = inner?.code ?? inner?.message ?? (e as Error).message;
  const neverSent = NOT_CONNECTED.has(cause);
  return new ExchangeError({
    code: 'NETWORK',
    endpoint,
    retryable: method === 'GET',
    neverSent,
    message:
      `${endpoint}: could not reach the exchange (${cause})` +
      (method === 'GET' ? '' : neverSent ? ' — nothing was sent' : ' — it may or may not have acted; re-read the state before trying again'),
  });
}
