import { BinanceError, err } from './errors';
import type { Params } from './params';
import type { Recorder } from './recorder';
import { PERMISSION_FOR, type Route } from './route';
import { extractSignature, verifySignature } from './signature';
import type { Account, ApiKey, KeyRef, SimState } from './state';

const MAX_RECV_WINDOW = 60_000;
const DEFAULT_RECV_WINDOW = 5_000;
/** Binance rejects a timestamp more than 1000 ms ahead of its own clock. */
const MAX_AHEAD_MS = 1_000;

export interface AuthInput {
  route: Route;
  params: Params;
  rawQuery: string;
  rawBody: string;
  apiKeyHeader?: string;
  ip: string;
  now: number;
}

/**
 * Binance's checks for a signed request (a USER_STREAM one stops after the IP whitelist), in its order: key format (-2014), known key (-2015), key guard,
 * IP whitelist (-2015), mandatory timestamp/signature (-1102), recvWindow (-1131), timestamp (-1021),
 * signature (-1022), permission (-2015), master-only endpoints (-1002).
 */
export function authenticate(state: SimState, recorder: Recorder, input: AuthInput, ref: KeyRef | undefined): { key: ApiKey; account: Account } {
  const { route, params, apiKeyHeader, now } = input;
  if (!apiKeyHeader || !/^[A-Za-z0-9]{64}$/.test(apiKeyHeader)) throw err.keyFormat();
  if (!ref) throw err.invalidKey();
  const { key, account } = ref;
  const { payload, signature } = extractSignature(input.rawQuery, input.rawBody);

  // The key guard, from the exchange's side: a special key must never sign a /sapi call.
  if (key.kind === 'special' && route.path.startsWith('/sapi/')) {
    recorder.violations.push({
      time: now,
      rule: 'SPECIAL_KEY_ON_SAPI',
      method: route.method,
      path: route.path,
      apiKey: key.apiKey,
      keyName: key.name,
      account: account.email,
      signatureValid: signature !== undefined && verifySignature(key, payload, signature),
    });
    throw err.invalidKey();
  }
  if (!ipAllowed(key, input.ip)) throw err.invalidKey();
  // USER_STREAM (listen keys): the API key alone, no timestamp or signature.
  if (route.security === 'USER_STREAM') return { key, account };

  const rawTimestamp = params.int('timestamp');
  if (rawTimestamp === undefined) throw err.mandatory('timestamp');
  if (signature === undefined || signature === '') throw err.mandatory('signature');
  const timestamp = toMillis(rawTimestamp);
  const recvWindow = params.millis('recvWindow') ?? DEFAULT_RECV_WINDOW;
  if (recvWindow > MAX_RECV_WINDOW) throw err.recvWindowTooLarge();
  if (timestamp >= now + MAX_AHEAD_MS) throw err.timestampAhead();
  if (now - timestamp > recvWindow) throw err.timestampOutside();
  if (!verifySignature(key, payload, signature)) throw err.badSignature();

  if (!permitted(route, key)) throw err.invalidKey();
  if (route.masterOnly && !account.isMaster) throw err.unauthorized();
  return { key, account };
}

/**
 * Spot API "Timing security": `timestamp` may be sent in milliseconds or microseconds. A value of 16 digits
 * or more is microseconds (milliseconds have 13 digits until the year 2286); compared as fractional ms.
 */
const MICROS_FROM = 1e15;
function toMillis(timestamp: number): number {
  return timestamp >= MICROS_FROM ? timestamp / 1000 : timestamp;
}

function ipAllowed(key: ApiKey, ip: string): boolean {
  const list = key.ip.filter((x) => x !== '0.0.0.0');
  return list.length === 0 || list.includes(ip);
}

function permitted(route: Route, key: ApiKey): boolean {
  if (route.security === 'NONE' || route.security === 'USER_STREAM') return true;
  if (key.kind === 'special') {
    // Special keys carry a permission mode rather than toggles: READ keys cannot trade.
    return route.security === 'USER_DATA' || key.permissionMode === 'TRADE';
  }
  return key.permissions[route.permission ?? PERMISSION_FOR[route.security]];
}

export function isBinanceError(e: unknown): e is BinanceError {
  return e instanceof BinanceError;
}
