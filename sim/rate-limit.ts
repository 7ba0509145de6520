import { BinanceError, err } from './errors';
import type { LimitKind } from './route';

/**
 * Binance limits: /api shares 6000/min per IP; each /sapi endpoint has 12000/min per IP or 180000/min per UID;
 * the futures /fapi endpoints share 2400/min per IP (REQUEST_WEIGHT of fapi's exchangeInfo).
 */
export const LIMITS: Record<LimitKind, number> = { API: 6000, IP: 12000, UID: 180_000, FAPI: 2400 };
export const HEADER: Record<LimitKind, string> = {
  API: 'X-MBX-USED-WEIGHT-1M',
  FAPI: 'X-MBX-USED-WEIGHT-1M',
  IP: 'X-SAPI-USED-IP-WEIGHT-1M',
  UID: 'X-SAPI-USED-UID-WEIGHT-1M',
};
/** Binance: IP bans "scale in duration for repeat offenders, from 2 minutes to 3 days". */
const FIRST_BAN_MS = 120_000;
const MAX_BAN_MS = 3 * 86_400_000;

export interface Forced429 {
  path: string;
  count: number;
  retryAfterSec: number;
}

/** (choice) How long after a 429 a request still counts as sent before the client could have seen it. */
const IN_FLIGHT_GRACE_MS = 500;

/**
 * Weight counters per fixed one-minute interval (Binance: "a 1 MINUTE interval starts every minute"), on the
 * simulator's clock so a test can roll the window with POST /__sim/clock instead of sleeping.
 * (choice) Calling again during a 429 back-off earns a 418 ban on /sapi as well as /api: stricter than
 * Binance on /sapi, so a client that hammers is caught in tests whichever family it hammers.
 */
export class RateLimiter {
  private minute = -1;
  private used = new Map<string, number>();
  private backoffUntil = new Map<string, { until: number; since: number }>();
  private bans = new Map<string, { until: number; count: number }>();
  private forced = new Map<string, Forced429>();

  reset(): void {
    this.minute = -1;
    this.used.clear();
    this.backoffUntil.clear();
    this.bans.clear();
    this.forced.clear();
  }

  force429(f: Forced429): void {
    this.forced.set(f.path, { ...f });
  }

  /** 418 while the caller's IP is banned. */
  checkBan(ip: string, now: number): void {
    const ban = this.bans.get(ip);
    if (ban && now < ban.until) throw err.banned(ban.until, Math.ceil((ban.until - now) / 1000));
  }

  /** Calling a budget again inside its 429 back-off is what earns (or extends) an IP ban. */
  private ban(ip: string, now: number): BinanceError {
    const count = (this.bans.get(ip)?.count ?? 0) + 1;
    const until = now + Math.min(FIRST_BAN_MS * 2 ** (count - 1), MAX_BAN_MS);
    this.bans.set(ip, { until, count });
    return err.banned(until, Math.ceil((until - now) / 1000));
  }

  /**
   * Adds the request's weight to its budget and returns the used-weight header; 429 past the limit. The
   * back-off is per budget: the shared /api pool, or one /sapi endpoint's IP or UID budget.
   */
  charge(kind: LimitKind, bucket: string, path: string, ip: string, weight: number, now: number): Record<string, string> {
    const minute = Math.floor(now / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.used.clear();
    }
    const key = kind === 'API' || kind === 'FAPI' ? `${kind}|${bucket}` : `${kind}|${bucket}|${path}`;
    const backoff = this.backoffUntil.get(key);
    if (backoff !== undefined) {
      // Requests that were already on the wire when the 429 went out cannot have heeded it: they get the
      // same 429. Only a caller that keeps coming after that grace is hammering, and is banned.
      if (now < backoff.until && now - backoff.since < IN_FLIGHT_GRACE_MS) {
        throw err.tooMuchWeight(LIMITS[kind], Math.max(1, Math.ceil((backoff.until - now) / 1000)));
      }
      this.backoffUntil.delete(key);
      if (now < backoff.until) throw this.ban(ip, now);
    }
    const used = (this.used.get(key) ?? 0) + weight;
    this.used.set(key, used);
    const headers = { [HEADER[kind]]: String(used) };
    const forced = this.forced.get(path);
    if (forced && forced.count > 0) {
      forced.count -= 1;
      this.backoffUntil.set(key, { until: now + forced.retryAfterSec * 1000, since: now });
      throw withHeaders(err.tooMuchWeight(LIMITS[kind], forced.retryAfterSec), headers);
    }
    if (used > LIMITS[kind]) {
      const windowEnd = (minute + 1) * 60_000;
      this.backoffUntil.set(key, { until: windowEnd, since: now });
      throw withHeaders(err.tooMuchWeight(LIMITS[kind], Math.ceil((windowEnd - now) / 1000)), headers);
    }
    return headers;
  }

  snapshot() {
    return { minute: this.minute, used: Object.fromEntries(this.used), bans: Object.fromEntries(this.bans) };
  }
}

function withHeaders(e: BinanceError, headers: Record<string, string>): BinanceError {
  return new BinanceError(e.status, e.code, e.message, { ...e.headers, ...headers });
}
