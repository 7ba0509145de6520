import 'server-only';

/**
 * What a log line may never carry (docs/production.md, Logs): secrets, keys, passwords, tokens, cookies and
 * SQL parameters. Redaction is by field name at any depth, plus the one place a library puts values into a
 * message: drizzle's "Failed query: … params: …", whose parameters are cut off.
 */
export const REDACTED_FIELDS = [
  'password', 'passwordHash', 'secret', 'apiSecret', 'secretKey', 'sealed', 'sealedSecret', 'apiKey', 'key',
  'token', 'accessToken', 'authorization', 'cookie', 'set-cookie', 'signature', 'privateKey', 'params', 'parameters',
  'smtpUrl', 'databaseUrl', 'connectionString',
] as const;

export const REDACTED = '[redacted]';

const fieldPattern = new RegExp(`^(${REDACTED_FIELDS.map((f) => f.replace(/[-]/g, '[-_]?')).join('|')})$`, 'i');
// Any field whose name says it holds a secret, whatever its casing or prefix (apiSecretSealed, sessionToken…).
const namePattern = /(secret|password|passphrase|token|cookie|authorization|private.?key|api.?key|sealed)/i;

/** drizzle's DrizzleQueryError message ends in "\nparams: <values>": the values go, the query text stays. */
const SQL_PARAMS = /\n\s*params:[\s\S]*$/;
// A connection URL's password (postgres://user:pass@host, smtps://user:pass@host).
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s]+@/gi;

export function isRedactedField(name: string): boolean {
  return fieldPattern.test(name) || namePattern.test(name);
}

// A signed request's query string (`…&timestamp=…&signature=…`), with or without its `?`: the whole query goes,
// since its other parameters (apiKey, symbol, amounts) are the request's and the signature proves them.
const SIGNED_QUERY = /\??[^\s?"'<>()]*\bsignature=[^\s"'<>()]*/gi;
// A credential written as a field or header in text: `X-MBX-APIKEY: …`, `apiKey=…`, `"secretKey":"…"`.
const NAMED_CREDENTIAL = /\b(x-mbx-apikey|api[-_]?key|secret[-_]?key|secret|signature|password|token)(["']?\s*[:=]\s*["']?)([^\s"'&,;})]+)/gi;
// A bare credential: Binance API keys and HMAC secrets are 64 letters and digits, an HMAC signature 64 hex digits,
// sealing keys and Ed25519/RSA material base64. Runs this long that mix letters and digits are never words.
const LONG_TOKEN = /[A-Za-z0-9+/_]{32,}={0,2}/g;

function credentialLike(run: string): boolean {
  if (!/[0-9]/.test(run) || !/[A-Za-z]/.test(run)) return false;
  // A path (`/sapi/v1/sub-account/margin/account`) is slashes between short lowercase segments: kept.
  return !run.includes('/') || (/[A-Z]/.test(run) && /[a-z]/.test(run) && run.split('/').some((part) => part.length >= 24));
}

/**
 * Text safe to log, store or show: SQL parameters cut, connection passwords, signed query strings, named and
 * bare credentials replaced. Every stored error message passes through it too (`errorText`), so what the
 * exchange or a library puts into a message never reaches a page, the database or ops (docs/production.md).
 */
export function scrubText(text: string): string {
  return text
    .replace(SQL_PARAMS, '\nparams: [redacted]')
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
    .replace(SIGNED_QUERY, (match) => (match.startsWith('?') ? `?${REDACTED}` : REDACTED))
    .replace(NAMED_CREDENTIAL, (_, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(LONG_TOKEN, (run) => (credentialLike(run) ? REDACTED : run));
}

/** An error's message as it may be stored and shown (refresh errors, exit reasons, alert delivery errors). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return scrubText(String(error));
  return isDatabaseError((error as { code?: unknown }).code) ? scrubDatabaseMessage(error.message) : scrubText(error.message);
}

/** A copy of `value` safe to log: secret fields replaced, SQL parameters cut, errors made plain objects. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[too deep]';
  if (value instanceof Error) return scrubError(value, depth);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isRedactedField(k) ? REDACTED : scrub(v, depth + 1);
  return out;
}

function scrubError(error: Error, depth: number): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  const message = isDatabaseError(code) ? scrubDatabaseMessage(error.message) : scrubText(error.message);
  return {
    type: error.name,
    message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack ? withFrames(error, message) : undefined,
    ...(cause !== undefined ? { cause: scrub(cause, depth + 1) } : {}),
  };
}

// PostgreSQL's errors (a five-character SQLSTATE) quote the offending value: 'invalid input syntax for type
// integer: "<value>"', 'Key (api_key)=(<value>) already exists'. Quoted text and key values go.
function isDatabaseError(code: unknown): boolean {
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

function scrubDatabaseMessage(message: string): string {
  return scrubText(message).replace(/"[^"]*"/g, `"${REDACTED}"`).replace(/=\([^)]*\)/g, `=(${REDACTED})`);
}

// The stack repeats the raw message (with drizzle's parameters): keep the frames under the scrubbed one.
function withFrames(error: Error, message: string): string {
  const stack = error.stack ?? '';
  const frames = stack.indexOf('\n    at ');
  return frames >= 0 ? `${error.name}: ${message}${stack.slice(frames)}` : message;
}
