/**
 * Which requests may change state: only those our own pages send (docs/security.md, "Requests only from
 * our own pages"). A browser always sends `Origin` on a state-changing request and, when it knows the
 * header, `Sec-Fetch-Site`; a page on another site (or another port of this host) cannot forge either.
 * Pure: it reads headers and answers, so route handlers, server actions (the proxy) and tests share it.
 */
export interface RequestLike {
  method: string;
  url: string;
  headers: Headers;
}

export type Refusal = { status: 403 | 415; code: 'cross_origin' | 'unsupported_media_type'; message: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The host this request was addressed to, as the browser saw it (a proxy's forwarded host first). */
function expectedHost(req: RequestLike): string {
  const forwarded = req.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || req.headers.get('host') || new URL(req.url).host;
}

function originHost(origin: string | null): string | null {
  if (!origin || origin === 'null') return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Null when the request may proceed; otherwise why it is refused. Safe methods always proceed. */
export function refuseForeignRequest(req: RequestLike): Refusal | null {
  if (!isStateChanging(req.method)) return null;
  const site = req.headers.get('sec-fetch-site');
  const host = originHost(req.headers.get('origin'));
  if ((site !== null && site !== 'same-origin') || host === null || host !== expectedHost(req)) {
    return {
      status: 403,
      code: 'cross_origin',
      message: 'This request did not come from a marginwatch page, so it was refused. Use the app itself.',
    };
  }
  return null;
}

/** State-changing API requests carry JSON, so a form or `text/plain` body from another page never parses. */
export function refuseNonJson(req: RequestLike): Refusal | null {
  if (!isStateChanging(req.method)) return null;
  const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return null;
  return { status: 415, code: 'unsupported_media_type', message: 'Send the request as JSON (content-type: application/json).' };
}
