import 'server-only';
import { ExchangeError } from './types';

// Binance error codes mapped to what a person can do about them. Codes not listed keep Binance's own `msg`.
const MESSAGES: Record<number, string> = {
  [-1002]: 'the key has no permission for this call — enable the needed permission (e.g. margin) for this key',
  [-1003]: 'too many requests — the client is backing off',
  [-1021]: 'timestamp outside recvWindow — clock skew between this server and the exchange',
  [-1022]: 'the exchange rejected the signature — check the secret (or private key) stored for this key',
  [-1102]: 'a mandatory parameter was missing or empty — this is a bug in the request',
  [-2014]: 'the API key format is invalid — check the key was copied whole',
  [-2015]:
    'the exchange refused the key: it is invalid, this server’s IP is not whitelisted for it, ' +
    'or it lacks the permission for this call (e.g. the key has no margin permission)',
  [-3003]: 'this account has no margin account — open margin for it first',
};

// Codes whose meaning is transient on Binance's side (-1001 disconnected, -1007 backend timeout).
const RETRYABLE = new Set([-1001, -1007, -1003]);

export function describeBinanceCode(code: number, exchangeMessage?: string): string {
  return MESSAGES[code] ?? `the exchange rejected the request (${code}${exchangeMessage ? `: ${exchangeMessage}` : ''})`;
}

export function errorFromBinanceBody(args: {
  endpoint: string;
  httpStatus: number;
  body: unknown;
}): ExchangeError {
  const { endpoint, httpStatus, body } = args;
  const parsed = readErrorBody(body);
  if (parsed) {
    return new ExchangeError({
      code: parsed.code,
      httpStatus,
      endpoint,
      retryable: RETRYABLE.has(parsed.code),
      exchangeMessage: parsed.msg,
      message: `${endpoint}: ${describeBinanceCode(parsed.code, parsed.msg)}`,
    });
  }
  return new ExchangeError({
    code: httpStatus >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR',
    httpStatus,
    endpoint,
    retryable: httpStatus >= 500,
    message:
      httpStatus >= 500
        ? `${endpoint}: the exchange failed (HTTP ${httpStatus}) — the outcome is unknown; re-read before retrying`
        : `${endpoint}: the exchange answered HTTP ${httpStatus} without an error code`,
  });
}

function readErrorBody(body: unknown): { code: number; msg?: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { code, msg } = body as { code?: unknown; msg?: unknown };
  if (typeof code !== 'number') return null;
  return { code, msg: typeof msg === 'string' ? msg : undefined };
}
