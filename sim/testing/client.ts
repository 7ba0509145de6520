import { createHmac, createPrivateKey, sign } from 'node:crypto';

/** Credentials as a scenario file holds them. */
export interface TestKey {
  apiKey: string;
  secretKey?: string;
  privateKey?: string;
  algorithm?: 'HMAC_SHA256' | 'Ed25519' | 'RSA';
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface SignOptions {
  timestamp?: number;
  recvWindow?: number;
  /** Send parameters as a form body instead of the query string (POST/PUT/DELETE). */
  inBody?: boolean;
  /** Alters the signed request after signing, to prove the server checks what was signed. */
  tamper?: (query: string) => string;
}

export function encode(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
}

export function signPayload(key: TestKey, payload: string): string {
  if ((key.algorithm ?? 'HMAC_SHA256') === 'HMAC_SHA256') {
    if (!key.secretKey) throw new Error('HMAC key without secret');
    return createHmac('sha256', key.secretKey).update(payload).digest('hex');
  }
  if (!key.privateKey) throw new Error('asymmetric key without private key');
  const pk = createPrivateKey(key.privateKey);
  const raw = sign(key.algorithm === 'Ed25519' ? null : 'sha256', Buffer.from(payload), pk).toString('base64');
  return encodeURIComponent(raw);
}

/** A deliberately small signed client, independent of the app's: percent-encode, sign, send. */
export async function signed(
  baseUrl: string,
  key: TestKey,
  method: string,
  path: string,
  params: Record<string, string | number> = {},
  opts: SignOptions = {},
): Promise<Answer> {
  const all = { ...params, recvWindow: opts.recvWindow ?? 5000, timestamp: opts.timestamp ?? Date.now() };
  const payload = encode(all);
  let query = `${payload}&signature=${signPayload(key, payload)}`;
  if (opts.tamper) query = opts.tamper(query);
  const init: RequestInit = { method, headers: { 'X-MBX-APIKEY': key.apiKey } };
  let url = `${baseUrl}${path}`;
  if (opts.inBody) {
    init.body = query;
    (init.headers as Record<string, string>)['Content-Type'] = 'application/x-www-form-urlencoded';
  } else url += `?${query}`;
  return answer(await fetch(url, init));
}

export async function get(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(await fetch(`${baseUrl}${path}`, { headers }));
}

export async function control(baseUrl: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  return answer(await fetch(`${baseUrl}/__sim/${path}`, init));
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Narrow an answer body for assertions. */
export function obj(a: Answer): Record<string, unknown> {
  return a.body as Record<string, unknown>;
}
