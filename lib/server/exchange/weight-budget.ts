import 'server-only';
import type { LimitScope } from './endpoints';

// Binance's per-minute limits (docs/domain.md#exchange) and the header that reports each scope's used weight.
export const SCOPE_LIMITS: Record<LimitScope, number> = { API_IP: 6000, SAPI_IP: 12_000, SAPI_UID: 180_000, FAPI_IP: 2400 };
export const USED_WEIGHT_HEADER: Record<LimitScope, string> = {
  API_IP: 'x-mbx-used-weight-1m',
  SAPI_IP: 'x-sapi-used-ip-weight-1m',
  SAPI_UID: 'x-sapi-used-uid-weight-1m',
  FAPI_IP: 'x-mbx-used-weight-1m',
};

// (choice) stay under 80 % of every limit: room for other processes on the same IP and for clock skew between our
// minute window and the exchange's.
export const DEFAULT_SAFETY_MARGIN = 0.8;
const WINDOW_MS = 60_000;

export type BudgetKey = {
  baseUrl: string;
  scope: LimitScope;
  endpoint: string; // "GET /sapi/v1/margin/account" — each /sapi endpoint has its own budget
  account: string; // whose UID budget: the account id when known, else the API key
};

export type Reservation = { bucket: string; baseUrl: string; weight: number };

type Bucket = { scope: LimitScope; windowStart: number; used: number; reserved: number; blockedUntil: number };

export type BudgetOptions = {
  safetyMargin?: number;
  limits?: Partial<Record<LimitScope, number>>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Tracks used weight per scope and makes callers wait instead of crossing the safety margin. One instance should
// be shared by every client of the process, because Binance counts per IP and per account, not per client.
export class WeightBudget {
  private readonly buckets = new Map<string, Bucket>();
  private readonly bannedUntil = new Map<string, number>(); // 418 bans the whole IP, per base URL
  private readonly margin: number;
  private readonly limits: Record<LimitScope, number>;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: BudgetOptions = {}) {
    this.margin = opts.safetyMargin ?? DEFAULT_SAFETY_MARGIN;
    this.limits = { ...SCOPE_LIMITS, ...opts.limits };
    this.now = opts.now ?? (() => Date.now());
    this.sleep = opts.sleep ?? realSleep;
  }

  static bucketId(key: BudgetKey): string {
    if (key.scope === 'API_IP' || key.scope === 'FAPI_IP') return `${key.baseUrl} ${key.scope}`;
    if (key.scope === 'SAPI_IP') return `${key.baseUrl} SAPI_IP ${key.endpoint}`;
    return `${key.baseUrl} SAPI_UID ${key.account} ${key.endpoint}`;
  }

  capOf(scope: LimitScope): number {
    return Math.floor(this.limits[scope] * this.margin);
  }

  // Resolves once `weight` fits under the cap of the key's bucket (and no 429/418 block is in force), and reserves
  // it. A single call heavier than the cap is let through on an empty window, otherwise it could never run.
  async acquire(key: BudgetKey, weight: number): Promise<Reservation> {
    const id = WeightBudget.bucketId(key);
    for (;;) {
      const now = this.now();
      const bucket = this.bucket(id, key.scope, now);
      const blockedUntil = Math.max(bucket.blockedUntil, this.bannedUntil.get(key.baseUrl) ?? 0);
      if (blockedUntil > now) {
        await this.sleep(blockedUntil - now);
        continue;
      }
      const inUse = bucket.used + bucket.reserved;
      if (inUse + weight <= this.capOf(key.scope) || inUse === 0) {
        bucket.reserved += weight;
        return { bucket: id, baseUrl: key.baseUrl, weight };
      }
      await this.sleep(bucket.windowStart + WINDOW_MS - now);
    }
  }

  // Called once per reservation when its response (or failure) is known. The used-weight header is the exchange's
  // own count and wins when it is higher than ours (other processes on the same IP count too); without a header
  // the documented weight is assumed spent.
  settle(reservation: Reservation, headers: Headers | null): void {
    const bucket = this.buckets.get(reservation.bucket);
    if (!bucket) return;
    bucket.reserved = Math.max(0, bucket.reserved - reservation.weight);
    this.roll(bucket, this.now());
    const reported = headers ? Number(headers.get(USED_WEIGHT_HEADER[bucket.scope]) ?? Number.NaN) : Number.NaN;
    bucket.used = Number.isFinite(reported) ? Math.max(bucket.used, reported) : bucket.used + reservation.weight;
  }

  // 429: only this scope waits. 418: Binance banned the IP, so every scope of that base URL waits.
  block(reservation: Reservation, status: 429 | 418, until: number): void {
    if (status === 418) {
      this.bannedUntil.set(reservation.baseUrl, Math.max(until, this.bannedUntil.get(reservation.baseUrl) ?? 0));
      return;
    }
    const bucket = this.buckets.get(reservation.bucket);
    if (bucket) bucket.blockedUntil = Math.max(bucket.blockedUntil, until);
  }

  /** When every 429/418 block on this base URL ends (epoch ms), or null when none is in force: what a caller waits for. */
  blockedUntil(baseUrl: string): number | null {
    const now = this.now();
    let until = this.bannedUntil.get(baseUrl) ?? 0;
    for (const [id, b] of this.buckets) if (id.startsWith(`${baseUrl} `)) until = Math.max(until, b.blockedUntil);
    return until > now ? until : null;
  }

  snapshot(): Array<{ bucket: string; scope: LimitScope; used: number; reserved: number; cap: number; limit: number; blockedUntil: number }> {
    const now = this.now();
    return [...this.buckets.entries()].map(([id, b]) => {
      this.roll(b, now);
      return { bucket: id, scope: b.scope, used: b.used, reserved: b.reserved, cap: this.capOf(b.scope), limit: this.limits[b.scope], blockedUntil: b.blockedUntil };
    });
  }

  private bucket(id: string, scope: LimitScope, now: number): Bucket {
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = { scope, windowStart: windowStartOf(now), used: 0, reserved: 0, blockedUntil: 0 };
      this.buckets.set(id, bucket);
    }
    this.roll(bucket, now);
    return bucket;
  }

  // Binance's limits are per calendar minute (interval MINUTE, intervalNum 1): the count resets on the minute.
  private roll(bucket: Bucket, now: number): void {
    const start = windowStartOf(now);
    if (start !== bucket.windowStart) {
      bucket.windowStart = start;
      bucket.used = 0;
    }
  }
}

function windowStartOf(now: number): number {
  return Math.floor(now / WINDOW_MS) * WINDOW_MS;
}

// Binance counts per IP and per account, not per client object: by default every client of the process shares
// this one budget.
export const sharedWeightBudget = new WeightBudget();
