import 'server-only';
import type { ExchangeCredentials } from './types';
import { SpecialKeyGuardError } from './types';

// docs/domain.md#keys: a Margin Special key trades through spot /api only; Binance strongly recommends never using it on
// /sapi. Every /sapi read therefore uses a normal key, and this guard is the single place that refuses otherwise.
// The client calls `assertMaySend` first thing in every request, before clock sync, budget or network.
export class SpecialKeyGuard {
  // Keys the exchange itself listed as special (api-key-list). A key recorded as "normal" but seen in that list is
  // still refused: the exchange's word wins over our record.
  private readonly seenSpecial = new Set<string>();

  recordSpecialKey(apiKey: string): void {
    this.seenSpecial.add(apiKey);
  }

  isSpecial(credentials: Pick<ExchangeCredentials, 'apiKey' | 'keyKind'>): boolean {
    return credentials.keyKind === 'special' || this.seenSpecial.has(credentials.apiKey);
  }

  assertMaySend(credentials: Pick<ExchangeCredentials, 'apiKey' | 'keyKind'>, method: string, path: string): void {
    if (isSapiPath(path) && this.isSpecial(credentials)) throw new SpecialKeyGuardError(`${method} ${path}`);
  }
}

export function isSapiPath(path: string): boolean {
  // Normalise so "/SAPI/…", "//sapi/…" or "/api/../sapi/…" cannot slip through.
  const normalised = new URL(path, 'http://x').pathname.toLowerCase();
  return normalised === '/sapi' || normalised.startsWith('/sapi/');
}

// One guard per process: keys the exchange reported as special stay refused for every client built afterwards.
export const specialKeyGuard = new SpecialKeyGuard();
