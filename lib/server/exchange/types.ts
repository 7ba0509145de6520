import 'server-only';
import { scrubText } from '../log/redact';

// A stored key as the client sees it. `keyKind` is what the owner (or the exchange) recorded: a special key may
// only ever sign spot `/api` requests (docs/domain.md#keys) — the SpecialKeyGuard enforces it.
export type ExchangeSigner =
  | { type: 'HMAC'; secret: string }
  | { type: 'ED25519'; privateKeyPem: string }
  | { type: 'RSA'; privateKeyPem: string };

export type ExchangeCredentials = {
  apiKey: string;
  keyKind: 'normal' | 'special';
  signer: ExchangeSigner;
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type ParamValue = string | number | boolean | undefined;
export type RequestParams = Record<string, ParamValue>;

export type ExchangeErrorCode =
  | number // Binance's own `code` (e.g. -1022)
  | 'SPECIAL_KEY_GUARD'
  | 'RATE_LIMITED'
  | 'IP_BANNED'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'SERVER_ERROR'
  | 'BAD_RESPONSE'
  | 'BAD_CREDENTIALS'
  | 'HTTP_ERROR';

type ErrorInit = {
  code: ExchangeErrorCode;
  message: string;
  httpStatus?: number | null;
  retryable?: boolean;
  endpoint?: string;
  exchangeMessage?: string;
  neverSent?: boolean;
};

// Every failure the client raises. `message` is written for a person and never contains a secret, a signature or
// request parameters; `exchangeMessage` is Binance's own `msg`, kept for the audit trail. Both are scrubbed here:
// the exchange (or a proxy in front of it, or a library's network error) may quote the request, key included.
export class ExchangeError extends Error {
  readonly code: ExchangeErrorCode;
  readonly httpStatus: number | null;
  readonly retryable: boolean;
  readonly endpoint: string | undefined;
  readonly exchangeMessage: string | undefined;
  /** The request never left this machine (the connection was never made): even a POST certainly did nothing. */
  readonly neverSent: boolean;

  constructor(init: ErrorInit) {
    super(scrubText(init.message));
    this.name = 'ExchangeError';
    this.code = init.code;
    this.httpStatus = init.httpStatus ?? null;
    this.retryable = init.retryable ?? false;
    this.endpoint = init.endpoint;
    this.exchangeMessage = init.exchangeMessage === undefined ? undefined : scrubText(init.exchangeMessage);
    this.neverSent = init.neverSent ?? false;
  }
}

// Thrown before any network I/O when a special key would touch /sapi. Never retryable: it is a bug or a
// mis-recorded key, not a transient condition.
export class SpecialKeyGuardError extends ExchangeError {
  constructor(endpoint: string) {
    super({
      code: 'SPECIAL_KEY_GUARD',
      endpoint,
      message:
        `refused: ${endpoint} is a /sapi endpoint and this key is recorded as a Margin Special key. ` +
        'Special keys may only trade through /api; use the account’s normal key for every /sapi read.',
    });
    this.name = 'SpecialKeyGuardError';
  }
}

// 429 (rate limited) or 418 (IP banned). `retryAt` is the epoch ms from which calls in that scope may resume.
export class RateLimitedError extends ExchangeError {
  readonly retryAt: number;
  readonly banned: boolean;

  constructor(init: { endpoint: string; httpStatus: number; retryAt: number; exchangeMessage?: string }) {
    const banned = init.httpStatus === 418;
    const until = new Date(init.retryAt).toISOString();
    super({
      code: banned ? 'IP_BANNED' : 'RATE_LIMITED',
      httpStatus: init.httpStatus,
      endpoint: init.endpoint,
      retryable: true,
      exchangeMessage: init.exchangeMessage,
      message: banned
        ? `the exchange banned this IP for too many requests — every call is paused until ${until}`
        : `too many requests — backing off until ${until}`,
    });
    this.name = 'RateLimitedError';
    this.retryAt = init.retryAt;
    this.banned = banned;
  }
}

export class TimeoutError extends ExchangeError {
  constructor(endpoint: string, timeoutMs: number, method: HttpMethod) {
    super({
      code: 'TIMEOUT',
      endpoint,
      retryable: method === 'GET',
      message:
        method === 'GET'
          ? `the exchange did not answer ${endpoint} within ${timeoutMs} ms`
          : `the exchange did not answer ${endpoint} within ${timeoutMs} ms — it may or may not have acted; ` +
            're-read the state before trying again',
    });
    this.name = 'TimeoutError';
  }
}
