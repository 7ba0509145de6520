import type { AccountStatus, ApplicabilityRule } from '@/lib/risk';

/** People-facing words for the engine's codes, in one place. Tone: at-risk states carry a symbol too. */
export const RULE_LABEL: Record<ApplicabilityRule, string> = {
  BOUND_SPECIAL_KEY: 'Bound — special key',
  BOUND_KEYS_DELETED_EXIT_UNCONFIRMED: 'Still bound — keys deleted, exit not confirmed',
  NOT_BOUND: 'Not bound — standard liquidation',
  PM_PRO_BOUND: 'Bound — Portfolio Margin Pro',
  ISOLATED_NEVER: 'Isolated — standard liquidation',
  UNSUPPORTED_PRODUCT: 'Unsupported product (Cross Margin Pro)',
  UNKNOWN_NO_KEY: 'Unknown — no key stored',
  UNKNOWN_MODE: 'Unknown — margin type unreadable',
};

export const STATUS_LABEL: Record<AccountStatus, { label: string; icon: string; tone: 'ok' | 'warn' | 'danger' | 'muted' }> = {
  NORMAL: { label: 'Normal', icon: '●', tone: 'ok' },
  NO_DEBT: { label: 'No debt', icon: '○', tone: 'muted' },
  MARGIN_CALL: { label: 'Margin call', icon: '▲', tone: 'warn' },
  REDUCE_ONLY: { label: 'Reduce-only', icon: '▲', tone: 'warn' },
  LIQUIDATION: { label: 'Liquidation', icon: '✖', tone: 'danger' },
  CLAIM: { label: 'Claim', icon: '✖', tone: 'danger' },
  UNKNOWN: { label: 'Unknown', icon: '?', tone: 'muted' },
};

export const MODE_LABEL: Record<string, string> = {
  CROSS_CLASSIC: 'Cross Margin Classic',
  CROSS_PRO: 'Cross Margin Pro',
  PM_PRO: 'Portfolio Margin Pro',
  UNKNOWN: 'Unknown',
};
