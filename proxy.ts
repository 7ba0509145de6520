import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { API_CACHE_CONTROL, contentSecurityPolicy, securityHeaders } from '@/lib/security/headers';
import { refuseForeignRequest } from '@/lib/security/same-origin';

/**
 * The first gate for every request but static files (docs/security.md): Next 16's proxy (formerly middleware).
 * - State-changing requests to pages (server actions such as sign-in and sign-out) and to Auth.js must come
 *   from our own pages: 403 otherwise. API routes refuse the same themselves (apiRoute), with the JSON rule
 *   on top, so the route-walking tests prove it without this file.
 * - Every answer carries the security headers; pages get a fresh CSP nonce, which Next reads from the
 *   request's Content-Security-Policy header and puts on the scripts it renders.
 * - Anonymous page requests go to /login. Every page checks the session and role again on the server.
 * It reads the session and never re-issues the cookie: a response to a prefetch still in flight when the
 * user signs out would otherwise set the session cookie again and undo the sign-out.
 */
export default async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const https = req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  const context = { nonce: nonce(), https, dev: process.env.NODE_ENV === 'development' };
  const headers = securityHeaders(context);

  const refusal = isApi && !pathname.startsWith('/api/auth/') ? null : refuseForeignRequest(req);
  const response = refusal
    ? NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status })
    : await pass(req, isApi, contentSecurityPolicy(context));
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (isApi) response.headers.set('Cache-Control', API_CACHE_CONTROL);
  return response;
}

async function pass(req: NextRequest, isApi: boolean, csp: string): Promise<NextResponse> {
  if (!isApi && req.nextUrl.pathname !== '/login') {
    const token = await getToken({ req, secret: process.env.AUTH_SECRET, secureCookie: req.nextUrl.protocol === 'https:' });
    if (!token) return NextResponse.redirect(new URL('/login', req.url));
  }
  const request = new Headers(req.headers);
  request.set('Content-Security-Policy', csp);
  return NextResponse.next({ request: { headers: request } });
}

function nonce(): string {
  return btoa(crypto.randomUUID());
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
