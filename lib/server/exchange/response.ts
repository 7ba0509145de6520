import 'server-only';
import type { EndpointDef } from './endpoints';
import { errorFromBinanceBody } from './errors';
import { parseExchangeJson, retryAfterMs } from './http';
import { ExchangeError, RateLimitedError } from './types';

// Without Retry-After (Binance always sends it on 429/418), wait a whole minute window.
const FALLBACK_RETRY_AFTER_MS = 60_000;

// What the client should do with one HTTP answer. Pure: side effects (budget, stats, retries) stay in the client.
export type Outcome =
  | { kind: 'ok'; data: unknown }
  | { kind: 'clock'; error: ExchangeError } // -1021: resync and retry once
  | { kind: 'rate-limited'; error: RateLimitedError } // 429: this scope waits until retryAt
  | { kind: 'banned'; error: RateLimitedError } // 418: the IP is banned until retryAt — never retried
  | { kind: 'transient'; error: ExchangeError } // 5xx, -1001…: outcome unknown for writes
  | { kind: 'fatal'; error: ExchangeError };

export function classifyAnswer(args: {
  endpoint: EndpointDef;
  label: string;
  answer: { status: number; headers: Headers; text: string };
  now: number;
}): Outcome {
  const { endpoint, label, answer } = args;
  const { status } = answer;

  if (status === 429 || status === 418) {
    const retryAt = args.now + retryAfterMs(answer.headers, FALLBACK_RETRY_AFTER_MS);
    const error = new RateLimitedError({ endpoint: label, httpStatus: status, retryAt, exchangeMessage: binanceMsg(answer.text) });
    return status === 429 ? { kind: 'rate-limited', error } : { kind: 'banned', error };
  }

  let body: unknown;
  try {
    body = parseExchangeJson(answer.text);
  } catch {
    if (status >= 500) return { kind: 'transient', error: errorFromBinanceBody({ endpoint: label, httpStatus: status, body: null }) };
    return { kind: 'fatal', error: new ExchangeError({ code: 'BAD_RESPONSE', httpStatus: status, endpoint: label, message: `${label}: the exchange answered with something that is not JSON` }) };
  }

  if (status >= 400) {
    const error = errorFromBinanceBody({ endpoint: label, httpStatus: status, body });
    if (error.code === -1021) return { kind: 'clock', error };
    return { kind: status >= 500 || error.retryable ? 'transient' : 'fatal', error };
  }

  const parsed = endpoint.schema.safeParse(body);
  if (parsed.success) return { kind: 'ok', data: parsed.data };
  // Paths only, never values: an answer may carry a secretKey (POST /sapi/v1/margin/apiKey).
  const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(root)').join(', ');
  return {
    kind: 'fatal',
    error: new ExchangeError({ code: 'BAD_RESPONSE', httpStatus: status, endpoint: label, message: `${label}: the exchange’s answer does not match the documented shape (at ${where})` }),
  };
}

function binanceMsg(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { msg?: unknown };
    return typeof body.msg === 'string' ? body.msg : undefined;
  } catch {
    return undefined;
  }
}
