import { countOf, formatAssetAmount, formatDateTime } from '../format';
import type { Applicability } from './result-types';
import type { AccountRiskInput } from './types';

type ApplicabilityInput = Pick<AccountRiskInput, 'mode' | 'dataAvailable' | 'termsSigned' | 'specialKeys'> &
  Partial<Pick<AccountRiskInput, 'outstandingLoans' | 'liquidationLoanSeenAt' | 'keyStored'>>;

/**
 * The isolated-pair special key, in the same words on every page (docs/domain.md#binding): the FAQ does not
 * settle it, so the conservative reading is taken.
 */
export const ISOLATED_KEY_CHOICE =
  'Its special keys are for isolated pairs only. Binance’s FAQ does not settle whether such a key binds the cross wallet, so marginwatch treats the account as bound (the conservative reading).';

/** One binding verdict per account per refresh, with the evidence it rests on (docs/domain.md#binding). */
export function applicability(input: ApplicabilityInput): Applicability {
  return { ...verdict(input), evidence: evidenceOf(input) };
}


function evidenceOf(input: ApplicabilityInput): string[] {
  const { dataAvailable, termsSigned, specialKeys: k } = input;
  const lines = [
    termsSigned ? 'Supplemental Product Terms: signed (a special key was seen under the master, or an owner recorded the date).' : 'Supplemental Product Terms: no signing seen or recorded.',
    dataAvailable ? `Special keys listed now: ${k.activeCount}.` : 'Special keys now: unknown (this account’s own key is needed to list them).',
    k.everCreated ? `Key history: a special key was seen on this account${k.isolatedOnly ? ' (isolated pairs only)' : ''}.` : 'Key history: no special key ever seen here.',
    k.exitConfirmedAt ? `Exit confirmed ${formatDateTime(k.exitConfirmedAt)}.` : 'Exit: none confirmed.',
  ];
  for (const l of input.outstandingLoans ?? []) {
    if (l.kind === 'LIQUIDATION_LOAN') lines.push(`LiquidationLoan outstanding: ${formatAssetAmount(l.remaining, l.asset)}.`);
  }
  if (input.liquidationLoanSeenAt) lines.push(`LiquidationLoan last seen ${formatDateTime(input.liquidationLoanSeenAt)}.`);
  return lines;
}

/** A LiquidationLoan, outstanding or seen since the last confirmed exit, proves the account bound. */
function loanProof(input: ApplicabilityInput): string | null {
  const outstanding = (input.outstandingLoans ?? []).find((l) => l.kind === 'LIQUIDATION_LOAN');
  if (outstanding) return `a LiquidationLoan of ${formatAssetAmount(outstanding.remaining, outstanding.asset)} is outstanding`;
  const seen = input.liquidationLoanSeenAt;
  const exit = input.specialKeys.exitConfirmedAt;
  if (seen && (exit === null || new Date(seen).getTime() > new Date(exit).getTime())) return `a LiquidationLoan was booked (last seen ${formatDateTime(seen)})`;
  return null;
}

/**
 * Which LiquidationLoan rule applies to the account's cross/PM wallet (docs/domain.md#liquidationloan). Isolated pairs are
 * never bound and are judged per pair (`ISOLATED_PAIR`).
 */
function verdict(input: ApplicabilityInput): Applicability {
  const { mode, dataAvailable, termsSigned, specialKeys } = input;
  const loan = mode === 'PM_PRO' ? null : loanProof(input);
  if (loan) {
    // Binance books a LiquidationLoan only for an account in special-key mode under signed terms: proof,
    // whatever our key history missed (a key created and deleted between two refreshes).
    return {
      rule: 'BOUND_LIQUIDATION_LOAN',
      bound: true,
      reason: `Bound: ${loan}, which Binance books only when the terms are signed and the account is in special-key mode; a further deficit becomes a LiquidationLoan too.`,
    };
  }
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
      if (specialKeys.isolatedOnly) return isolatedKeyBound();
      // The kept key history already proves the binding, and only a confirmed exit releases it (docs/domain.md#liquidationloan).
      return {
        rule: 'BOUND_SPECIAL_KEY',
        bound: true,
        reason: 'A special key was seen on this Cross Margin Classic account and no exit is confirmed: a deficit becomes a LiquidationLoan (no key stored now to re-check its keys).',
      };
    }
    if (input.keyStored === true) {
      // A key is stored but no read ever succeeded: say that, never "no key stored".
      return {
        rule: 'UNKNOWN_NOT_READ',
        bound: null,
        reason: 'A key is stored for this sub-account, but the account has never been read successfully: whether a LiquidationLoan applies cannot be told yet.',
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
  if (keys.isolatedOnly && (keys.activeCount > 0 || keys.exitConfirmedAt === null)) return isolatedKeyBound();
  if (keys.activeCount > 0) {
    return {
      rule: 'BOUND_SPECIAL_KEY',
      bound: true,
      reason: `Cross Margin Classic with the terms signed and ${countOf(keys.activeCount, 'special key')}: a deficit after liquidation becomes a LiquidationLoan the user must repay in full.`,
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

function isolatedKeyBound(): Applicability {
  return { rule: 'BOUND_ISOLATED_SPECIAL_KEY', bound: true, reason: `Bound (treated as bound): ${ISOLATED_KEY_CHOICE}` };
}

/** Isolated pairs never owe a LiquidationLoan (docs/domain.md#liquidationloan). */
export const ISOLATED_PAIR: Applicability = {
  rule: 'ISOLATED_NEVER',
  bound: false,
  reason: 'Isolated Margin: standard liquidation, never a LiquidationLoan.',
};
