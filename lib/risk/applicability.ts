import { formatDateTime } from '../format';
import type { Applicability } from './result-types';
import type { AccountRiskInput } from './types';

type ApplicabilityInput = Pick<AccountRiskInput, 'mode' | 'dataAvailable' | 'termsSigned' | 'specialKeys'>;

/**
 * Which LiquidationLoan rule applies to the account's cross/PM wallet (docs/domain.md#liquidationloan). Isolated pairs are
 * never bound and are judged per pair (`ISOLATED_PAIR`).
 */
export function applicability(input: ApplicabilityInput): Applicability {
  const { mode, dataAvailable, termsSigned, specialKeys } = input;
  if (mode === 'CROSS_PRO') {
    // Binance sunset Cross Margin Pro; docs/domain.md#liquidationloan: "unsupported product", never shown as safe.
    return {
      rule: 'UNSUPPORTED_PRODUCT',
      bound: null,
      reason: 'Cross Margin Pro is a product Binance has sunset: the LiquidationLoan rules for it are not known, so it is not shown as safe.',
    };
  }
  if (mode === 'PM_PRO') {
    // docs/domain.md#liquidationloan: PM Pro follows its existing bankruptcy-loan logic whatever its keys.
    return {
      rule: 'PM_PRO_BOUND',
      bound: true,
      reason: 'Portfolio Margin Pro: a deficit after liquidation becomes a bankruptcy loan the user must repay.',
    };
  }
  if (!dataAvailable) {
    if (mode === 'CROSS_CLASSIC' && specialKeys.everCreated && specialKeys.exitConfirmedAt === null) {
      // The kept key history already proves the binding, and only a confirmed exit releases it (docs/domain.md#liquidationloan).
      return {
        rule: 'BOUND_SPECIAL_KEY',
        bound: true,
        reason: 'A special key was seen on this Cross Margin Classic account and no exit is confirmed: a deficit becomes a LiquidationLoan (no key stored now to re-check its keys).',
      };
    }
    // Only this sub-account's own key can list its special keys (docs/domain.md#exchange).
    return {
      rule: 'UNKNOWN_NO_KEY',
      bound: null,
      reason: 'No key stored for this sub-account: its special keys are unknown, so whether a LiquidationLoan applies cannot be told.',
    };
  }
  if (mode === 'UNKNOWN') {
    return {
      rule: 'UNKNOWN_MODE',
      bound: null,
      reason: 'The margin account type could not be read, so whether a LiquidationLoan applies cannot be told.',
    };
  }
  if (mode === 'CROSS_CLASSIC' && specialKeys.readOnlyKey) return readOnlyKey(specialKeys);
  return crossClassic(termsSigned, specialKeys);
}

/** The special keys now cannot be listed with a Reading key: only the kept history can still prove a binding. */
function readOnlyKey(keys: AccountRiskInput['specialKeys']): Applicability {
  if (keys.everCreated && keys.exitConfirmedAt === null) {
    return {
      rule: 'BOUND_SPECIAL_KEY',
      bound: true,
      reason: 'A special key was seen on this Cross Margin Classic account and no exit is confirmed: a deficit becomes a LiquidationLoan (the stored key can only read, so its special keys now are not listed).',
    };
  }
  return {
    rule: 'UNKNOWN_READ_ONLY_KEY',
    bound: null,
    reason: READ_ONLY_KEY_REASON,
  };
}

/** Said wherever a Reading-only stored key leaves the special keys unknown. */
export const READ_ONLY_KEY_REASON =
  'Special keys unknown: this account’s stored key can only read. Binance lists special keys only for a key with Spot & Margin trading; store an IP-whitelisted trading key to know whether a LiquidationLoan applies.';

function crossClassic(termsSigned: boolean, keys: AccountRiskInput['specialKeys']): Applicability {
  // A special key cannot exist without the terms, so a key seen proves them signed (docs/domain.md#keys choice).
  const signed = termsSigned || keys.everCreated || keys.activeCount > 0;
  if (!signed) {
    return {
      rule: 'NOT_BOUND',
      bound: false,
      reason: 'Cross Margin Classic, Supplemental Product Terms not signed: a deficit is handled by standard liquidation.',
    };
  }
  if (keys.activeCount > 0) {
    return {
      rule: 'BOUND_SPECIAL_KEY',
      bound: true,
      reason: `Cross Margin Classic with the terms signed and ${keys.activeCount} special key(s): a deficit after liquidation becomes a LiquidationLoan the user must repay in full.`,
    };
  }
  if (!keys.everCreated) {
    return {
      rule: 'NOT_BOUND',
      bound: false,
      reason: 'Cross Margin Classic with no special key ever created: a deficit is handled by standard liquidation.',
    };
  }
  if (keys.exitConfirmedAt === null) {
    // docs/domain.md#liquidationloan: deleting keys does not release the account until the exit is confirmed.
    return {
      rule: 'BOUND_KEYS_DELETED_EXIT_UNCONFIRMED',
      bound: true,
      reason: 'Bound — exit not confirmed: the special keys were deleted, but until the exit is confirmed a deficit still becomes a LiquidationLoan.',
    };
  }
  return {
    rule: 'NOT_BOUND',
    bound: false,
    reason: `Cross Margin Classic that exited special-key mode (confirmed ${formatDateTime(keys.exitConfirmedAt)}): a deficit is handled by standard liquidation.`,
  };
}

/** Isolated pairs never owe a LiquidationLoan (docs/domain.md#liquidationloan). */
export const ISOLATED_PAIR: Applicability = {
  rule: 'ISOLATED_NEVER',
  bound: false,
  reason: 'Isolated Margin: standard liquidation, never a LiquidationLoan.',
};
