import { Spot, PrivateKeyAlgo } from '@binance/connector';
import { MainClient } from 'binance';
import ccxt from 'ccxt';
import type { Scenario, ScenarioInput } from '../scenario';
import { creds } from '../testing/scenarios';

/**
 * Three clients nobody here wrote, each driven through its own public methods and its own signing:
 * - `binance` (npm, tiagosiebler): MainClient's named methods, else its public getPrivate/postPrivate/….
 * - `@binance/connector` (Binance's official JavaScript connector, v3): named methods, else `signRequest`,
 *   its public method for any signed endpoint. Sends every parameter in the query string.
 * - `ccxt`: its implicit API (`sapiGetMarginAccount`, …), else `request(path, api, method, params)`.
 *   Sends POST/PUT parameters as a form body, so the body path of the signature is exercised.
 * Each answers `{ status, code?, body, headers }` so the tests compare one shape.
 */
export type ClientName = 'binance-sdk' | 'connector' | 'ccxt';
export const CLIENTS: ClientName[] = ['binance-sdk', 'connector', 'ccxt'];

export interface Outcome {
  ok: boolean;
  status: number;
  code?: number;
  body: unknown;
  headers: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Params = Record<string, string | number>;

export interface Driver {
  name: ClientName;
  /** A signed call of `METHOD /path` through the client's generic public method. */
  signed(method: Method, path: string, params?: Params): Promise<Outcome>;
  /** The client's own named method for the endpoint, when it has one. */
  raw: unknown;
}

function lowerHeaders(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h || typeof h !== 'object') return out;
  for (const [k, v] of Object.entries(h as Record<string, unknown>)) out[k.toLowerCase()] = String(v);
  return out;
}

const ok = (body: unknown, headers: Record<string, string> = {}): Outcome => ({ ok: true, status: 200, body, headers });

/** The Binance error body a client put on its error, however it carries it. */
export function fromError(e: unknown): Outcome {
  const x = e as Record<string, unknown> & { response?: { status: number; data: unknown; headers: unknown } };
  if (x.response && typeof x.response.status === 'number') {
    const data = x.response.data as { code?: number } | undefined;
    return { ok: false, status: x.response.status, code: data?.code, body: data, headers: lowerHeaders(x.response.headers) };
  }
  if (typeof x.code === 'number') {
    // The `binance` SDK rejects with Binance's `{code, msg}` spread on its error; no HTTP status is kept.
    return { ok: false, status: 0, code: x.code, body: x.body ?? x, headers: lowerHeaders(x.headers) };
  }
  throw e;
}

function sdk(base: string, key: ReturnType<typeof creds>): Driver {
  const client = new MainClient({ api_key: key.apiKey, api_secret: key.secretKey ?? key.privateKey, baseUrl: base });
  const call = { GET: client.getPrivate, POST: client.postPrivate, PUT: client.putPrivate, DELETE: client.deletePrivate } as const;
  return {
    name: 'binance-sdk',
    raw: client,
    signed: async (method, path, params = {}) => {
      try {
        return ok(await call[method].call(client, path.slice(1), params));
      } catch (e) {
        return fromError(e);
      }
    },
  };
}

function connector(base: string, key: ReturnType<typeof creds>): Driver {
  const client = key.privateKey
    ? new Spot(key.apiKey, '', { baseURL: base, privateKey: key.privateKey, privateKeyAlgo: PrivateKeyAlgo.ED25519 })
    : new Spot(key.apiKey, key.secretKey, { baseURL: base });
  return {
    name: 'connector',
    raw: client,
    signed: async (method, path, params = {}) => {
      try {
        const res = await client.signRequest(method, path, params);
        return ok(res.data, lowerHeaders(res.headers));
      } catch (e) {
        return fromError(e);
      }
    },
  };
}

function ccxtClient(base: string, key: ReturnType<typeof creds>): Driver {
  const client = new ccxt.binance({
    apiKey: key.apiKey,
    secret: key.secretKey ?? key.privateKey,
    urls: { api: { public: `${base}/api/v3`, private: `${base}/api/v3`, sapi: `${base}/sapi/v1` } },
    options: { adjustForTimeDifference: false },
  });
  return {
    name: 'ccxt',
    raw: client,
    signed: async (method, path, params = {}) => {
      const [, family, , rest] = /^\/(api|sapi)\/(v\d)\/(.*)$/.exec(path)!;
      const api = family === 'api' ? 'private' : 'sapi';
      try {
        const body: unknown = await client.request(rest!, api, method, params);
        return ok(body, lowerHeaders(client.last_response_headers));
      } catch (e) {
        // ccxt turns Binance's answer into its own error classes (PermissionDenied, …) and may keep only the
        // message: the exchange's body is on `last_http_response`, as ccxt documents for debugging.
        const raw = typeof client.last_http_response === 'string' ? client.last_http_response : '';
        const body = raw.startsWith('{') ? (JSON.parse(raw) as { code?: number }) : undefined;
        if (typeof body?.code !== 'number') throw e;
        return { ok: false, status: 0, code: body.code, body, headers: lowerHeaders(client.last_response_headers) };
      }
    },
  };
}

/** A driver for one client signing with the scenario key `keyName`. */
export function driver(name: ClientName, base: string, scenario: Scenario | ScenarioInput, keyName: string): Driver {
  return driverFor(name, base, creds(scenario, keyName));
}

export function driverFor(name: ClientName, base: string, key: ReturnType<typeof creds>): Driver {
  if (name === 'binance-sdk') return sdk(base, key);
  if (name === 'connector') return connector(base, key);
  return ccxtClient(base, key);
}
