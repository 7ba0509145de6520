import type { ApplicabilityRule } from '@/lib/risk';

/** People-facing words for the engine's codes, in one place. Tone: at-risk states carry a symbol too. */
export const RULE_LABEL: Record<ApplicabilityRule, string> = {
  BOUND_SPECIAL_KEY: 'Bound — special key',
  BOUND_ISOLATED_SPECIAL_KEY: 'Bound — isolated-pair special key (treated as bound)',
  BOUND_LIQUIDATION_LOAN: 'Bound — a LiquidationLoan was booked',
  BOUND_KEYS_DELETED_EXIT_UNCONFIRMED: 'Still bound — keys deleted, exit not confirmed',
  NOT_BOUND: 'Not bound — standard liquidation',
  PM_PRO_BOUND: 'Bound — Portfolio Margin Pro',
  ISOLATED_NEVER: 'Isolated — standard liquidation',
  UNSUPPORTED_PRODUCT: 'Unsupported product (Cross Margin Pro)',
  UNKNOWN_NO_KEY: 'Unknown — no key stored',
  UNKNOWN_READ_ONLY_KEY: 'Unknown — stored key can only read',
  UNKNOWN_NOT_READ: 'Unknown — never read',
  UNKNOWN_MODE: 'Unknown — margin type unreadable',
};

/** Status words live with the statuses themselves (lib/risk/status.ts), defined once. */
export { STATUS_LABEL, statusLabel } from '@/lib/risk';

export const MODE_LABEL: Record<string, string> = {
  CROSS_CLASSIC: 'Cross Margin Classic',
  CROSS_PRO: 'Cross Margin Pro',
  PM_PRO: 'Portfolio Margin Pro',
  UNKNOWN: 'Unknown',
};
