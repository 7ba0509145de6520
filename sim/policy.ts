import { dec } from './decimal';
import type { Account, SimState } from './state';

/** Binance: at most 30 API keys per account, normal and special together. */
export const KEY_LIMIT = 30;
/** Binance: after an exit, new special keys are blocked for 24 h (default cooldown). */
export const EXIT_COOLDOWN_MS = 24 * 3_600_000;
/** PM Pro thresholds from docs/domain.md#exposure: ≤ 1.20 reduce-only, ≤ 1.05 liquidation. */
export const PM_REDUCE_ONLY = dec('1.2');
export const PM_LIQUIDATION = dec('1.05');
/** (choice) PM Pro margin-call level for accountStatus; Binance does not publish one for PM Pro. */
export const PM_MARGIN_CALL = dec('1.5');
/** Reported as margin level when there is no debt, as Binance does. */
export const NO_DEBT_LEVEL = '999';

/**
 * docs/domain.md#liquidationloan: a Cross Margin Classic account owes a LiquidationLoan when the terms are signed at master
 * level AND a special key was created on it AND it has not exited since. Deleting keys does not unbind.
 */
export function isBound(state: SimState, account: Account): boolean {
  return state.scenario.termsSigned && account.mode === 'CROSS_MARGIN_CLASSIC' && account.inSpecialKeyMode;
}

export function cooldownUntil(account: Account): number | undefined {
  return account.exitedAt === undefined ? undefined : account.exitedAt + EXIT_COOLDOWN_MS;
}
