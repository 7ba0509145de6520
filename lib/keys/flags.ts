import { KEY_RULES } from './config';
import type { KeyFlag } from './types';

/** Each flag's one-line explanation, as the page and the CSV show it. */
export const FLAG_INFO: Record<KeyFlag, { label: string; explanation: string }> = {
  'at-limit': {
    label: 'At the 30-key limit',
    explanation: `Holds Binance's ${KEY_RULES.keyLimit} keys per account (normal and special together): no new key until one is deleted.`,
  },
  'near-limit': {
    label: 'Near 30-key limit',
    explanation: `Within ${KEY_RULES.nearLimitMargin} of Binance's ${KEY_RULES.keyLimit} keys per account (normal and special together): little room for new keys.`,
  },
  'special-no-ip': {
    label: 'No IP whitelist',
    explanation: 'A special key with no IP whitelist (or only 0.0.0.0, Binance’s initial state) can trade from anywhere it leaks.',
  },
  withdrawals: {
    label: 'Withdrawals enabled',
    explanation: 'A normal key that can withdraw funds: a leaked key can empty the account.',
  },
  'unsupported-product': {
    label: 'Unsupported product',
    explanation: 'A special key on a product that does not support special keys (Cross Margin Pro, sunset 2026-04-13; Portfolio Margin).',
  },
  'unmonitored-special': {
    label: 'Special key, no normal key',
    explanation: 'No normal key stored: its special keys (seen, or among the keys the exchange lists) cannot be checked, and it cannot borrow or repay through marginwatch.',
  },
  'idle-special': {
    label: 'Idle special key',
    explanation: `No change we know of in over ${KEY_RULES.idleSpecialKeyDays} days: Binance may revoke inactive special keys.`,
  },
  bound: {
    label: 'Bound (LiquidationLoan)',
    explanation: 'The account’s binding verdict is “bound” (its evidence is listed under the account): a deficit after liquidation is owed, as a LiquidationLoan (Cross Margin Classic: a special key, an isolated-pair key counts, or a LiquidationLoan booked) or as Portfolio Margin Pro’s bankruptcy loan.',
  },
  'bound-exit-unconfirmed': {
    label: 'Still bound: exit not confirmed',
    explanation: 'Its special keys were deleted but no exit is confirmed: deleting keys alone does not release the account.',
  },
};

export const FLAG_ORDER = Object.keys(FLAG_INFO) as KeyFlag[];

/** Modes on which Binance does not support special keys (docs/domain.md#liquidationloan; the snapshot's `mode`). */
const UNSUPPORTED_MODES = new Set(['CROSS_PRO']);

export function isUnsupportedProduct(mode: string | null): boolean {
  return mode !== null && UNSUPPORTED_MODES.has(mode);
}

export function isIdle(idleDays: number | null): boolean {
  return idleDays !== null && idleDays > KEY_RULES.idleSpecialKeyDays;
}

/**
 * The account-level binding flag from the risk engine's verdict (lib/risk/applicability.ts), whatever the mode: the
 * Keys page flags exactly the accounts the Accounts page calls bound (docs/domain.md#binding, one verdict).
 */
export function bindingFlag(rule: string | null): KeyFlag | null {
  if (rule === 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED') return 'bound-exit-unconfirmed';
  if (rule === 'BOUND_SPECIAL_KEY' || rule === 'BOUND_ISOLATED_SPECIAL_KEY' || rule === 'BOUND_LIQUIDATION_LOAN' || rule === 'PM_PRO_BOUND') return 'bound';
  return null;
}
