import 'server-only';

// JSON.parse silently rounds integers above 2^53 (PM Pro tranIds are ~5.8e16). Unsafe integer literals outside
// strings are quoted first so the schemas receive every digit.
export function parseExchangeJson(text: string): unknown {
  if (text.trim() === '') return null; // e.g. GET liquidation-loan with no loan
  return JSON.parse(quoteUnsafeIntegers(text));
}

function quoteUnsafeIntegers(text: string): string {
  if (!/\d{16}/.test(text)) return text; // fast path: nothing long enough to be unsafe
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    const m = /^-?\d+(?![.eE\d])/.exec(text.slice(i, i + 40));
    if (m && /[\d-]/.test(c) && !/[\w.]/.test(text[i - 1] ?? '')) {
      const lit = m[0];
      out += Number.isSafeInteger(Number(lit)) ? lit : `"${lit}"`;
      i += lit.length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

// Retry-After is in seconds on Binance (429 and 418). Absent or unreadable → the caller's fallback.
export function retryAfterMs(headers: Headers, fallbackMs: number): number {
  const raw = headers.get('retry-after');
  const seconds = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : fallbackMs;
}

export class RequestTimedOut extends Error {}

// fetch with an AbortController deadline; the body is read inside the deadline too, so a server that sends
// headers and then stalls still times out.
export async function fetchWithTimeout(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ status: number; headers: Headers; text: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetchImpl(url, { ...init, signal: controller.signal });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text };
  } catch (e) {
    if (controller.signal.aborted) throw new RequestTimedOut();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
