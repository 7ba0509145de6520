/**
 * The key rules' numbers, in one place (docs/domain.md#keys). Binance's own limits are facts; the rest are choices
 * marked as such, named so they can be changed.
 */
export const KEY_RULES = {
  /** Binance: at most 30 API keys per account, normal and special together. */
  keyLimit: 30,
  /** (choice) "near the limit" means at or within 3 of it. */
  nearLimitMargin: 3,
  /**
   * (choice) A special key counts as idle after 90 days without a change we know of. Binance reports no key
   * usage, so the measure is the later of its creation time and the last change marginwatch made to it.
   */
  idleSpecialKeyDays: 90,
  /** Binance: a special key's IP whitelist holds at most 30 addresses. */
  maxIpEntries: 30,
  /** (choice) `subAccountApi` weighs 3000 (UID): each sub-account's key list is read at most hourly… */
  keyListMaxAgeMs: 60 * 60_000,
  /** (choice) …and at most this many per refresh (120,000 of the master's 180,000 UID weight per minute). */
  keyListReadsPerRefresh: 40,
} as const;

export type KeyRules = typeof KEY_RULES;
