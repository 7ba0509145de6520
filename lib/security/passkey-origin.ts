import { isIP } from 'node:net';

/**
 * Where passkeys are bound (docs/security.md, "Second factor"): the app's own configured address, never the
 * Host header of a request. Browsers refuse an IP address as a WebAuthn relying party ID, so a loopback
 * address becomes `localhost` (the name `npm start` prints); any other bare IP address leaves passkeys
 * unavailable until MARGINWATCH_PUBLIC_URL names the app by a domain. Pure: the server, tests and docs agree.
 */
export interface RelyingParty {
  /** The exact origin the browser must report, e.g. `https://marginwatch.desk.example`. */
  origin: string;
  /** The host name the credential is scoped to. */
  rpID: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost', '0.0.0.0']);

export function relyingPartyFor(env: { MARGINWATCH_PUBLIC_URL?: string; HOST: string; PORT: number }): RelyingParty | null {
  const url = new URL(env.MARGINWATCH_PUBLIC_URL ?? `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}`);
  if (LOOPBACK.has(url.hostname)) url.hostname = 'localhost';
  if (isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0) return null;
  return { origin: url.origin, rpID: url.hostname };
}
