import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { LISTEN_KEY_TTL_MS } from './limits';

/**
 * Which user stream a key opens: the margin risk data stream, the (margin) trade data stream, or Portfolio
 * Margin Pro's user data stream (its key comes from the futures API, `POST /fapi/v1/listenKey`).
 */
export type ListenKind = 'risk' | 'trade' | 'pmpro';

export interface ListenKey {
  key: string;
  kind: ListenKind;
  email: string;
  expiresAt: number;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function newKey(): string {
  return [...randomBytes(60)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Listen keys on the exchange clock, so moving `/__sim/clock` ages them like real time would. */
export class ListenKeys {
  private readonly byKey = new Map<string, ListenKey>();
  /** Tests compress the 60-minute life; Binance's own figure is the default. */
  ttlMs = LISTEN_KEY_TTL_MS;

  constructor(private readonly clock: Clock) {}

  /** POST: an account's active key of this kind is returned and extended; otherwise a new one. */
  create(email: string, kind: ListenKind): ListenKey {
    const now = this.clock.now();
    for (const k of this.byKey.values()) {
      if (k.email === email && k.kind === kind && k.expiresAt > now) {
        k.expiresAt = now + this.ttlMs;
        return k;
      }
    }
    const k = { key: newKey(), kind, email, expiresAt: now + this.ttlMs };
    this.byKey.set(k.key, k);
    return k;
  }

  /** PUT: only an active key of the caller's own account; anything else does not exist (-1125). */
  keepAlive(key: string, email: string, kind: ListenKind): ListenKey | undefined {
    const k = this.active(key);
    if (!k || k.email !== email || k.kind !== kind) return undefined;
    k.expiresAt = this.clock.now() + this.ttlMs;
    return k;
  }

  close(key: string, email: string, kind: ListenKind): boolean {
    const k = this.active(key);
    if (!k || k.email !== email || k.kind !== kind) return false;
    this.byKey.delete(key);
    return true;
  }

  /** The account's active key of this kind: the futures API knows a key by the API key alone. */
  activeOf(email: string, kind: ListenKind): ListenKey | undefined {
    const now = this.clock.now();
    for (const k of this.byKey.values()) if (k.email === email && k.kind === kind && k.expiresAt > now) return k;
    return undefined;
  }

  active(key: string): ListenKey | undefined {
    const k = this.byKey.get(key);
    return k && k.expiresAt > this.clock.now() ? k : undefined;
  }

  /** Removes and returns the keys whose life ended (the stream hub tells their listeners). */
  sweepExpired(): ListenKey[] {
    const now = this.clock.now();
    const out: ListenKey[] = [];
    for (const k of this.byKey.values()) if (k.expiresAt <= now) out.push(k);
    for (const k of out) this.byKey.delete(k.key);
    return out;
  }

  /** Ends every key now (test control: provoke an expiry without moving the clock). */
  expireAll(): void {
    for (const k of this.byKey.values()) k.expiresAt = this.clock.now();
  }

  clear(): void {
    this.byKey.clear();
  }
}
