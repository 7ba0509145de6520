/**
 * The security headers on every page and API answer (docs/security.md, "Headers"). Pure: the proxy
 * supplies the per-request nonce and whether the request arrived over https.
 */
export interface HeaderContext {
  nonce: string;
  https: boolean;
  /** `next dev` evaluates code with eval() for fast refresh; the production build never does. */
  dev: boolean;
}

export function contentSecurityPolicy({ nonce, https, dev }: HeaderContext): string {
  return [
    "default-src 'self'",
    // Next puts the nonce on every script it renders; 'strict-dynamic' lets those load their chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React style attributes (chart sizes, bars) are inline; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(context: HeaderContext): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(context),
    // For browsers that predate frame-ancestors.
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Only over https: over plain http a browser ignores it, and sending it from a loopback demo would
    // pin "https only" on a host that never offers https.
    ...(context.https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** API answers hold account data and must never be stored by a browser or a shared cache. */
export const API_CACHE_CONTROL = 'no-store';
