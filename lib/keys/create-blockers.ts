import { formatDateTime } from '@/lib/format';
import { KEY_RULES } from './config';
import { isUnsupportedProduct } from './flags';

export type CreateBlockerId = 'no-trading-key' | 'unsupported-product' | 'exit-cooldown' | 'key-limit';

export interface CreateBlocker {
  id: CreateBlockerId;
  message: string;
}

/** What decides whether Binance would accept a new special key on one sub-account. */
export interface CreateFacts {
  email: string;
  mode: string | null;
  /** Keys known on the account (a lower bound when the exchange's list was not read); null: unknown. */
  keyCount: number | null;
  /** A normal key with Spot & Margin trading is stored for the account (special keys are managed with it). */
  tradingKeyStored: boolean;
  exit: { confirmedAt: string | Date; cooldownEndsAt: string | Date } | null;
}

/**
 * Every reason the exchange would refuse a new special key, in the order the server checks them
 * (docs/domain.md#keys, docs/domain.md#exit): the Keys page shows them before the form, and the create route
 * refuses with the first, so both say the same words and nothing is sent that is bound to fail.
 */
export function createBlockers(facts: CreateFacts, now: Date): CreateBlocker[] {
  const blockers: CreateBlocker[] = [];
  if (!facts.tradingKeyStored) {
    blockers.push({
      id: 'no-trading-key',
      message: `No normal key with spot & margin trading is stored for ${facts.email}: store one in Settings → Connections first. Special keys are managed with the account’s own normal key.`,
    });
  }
  if (isUnsupportedProduct(facts.mode)) {
    blockers.push({ id: 'unsupported-product', message: 'This account is on Cross Margin Pro, which does not support special keys (sunset by Binance on 2026-04-13).' });
  }
  if (facts.exit && new Date(facts.exit.cooldownEndsAt).getTime() > now.getTime()) {
    blockers.push({
      id: 'exit-cooldown',
      message: `This account exited special-key mode on ${formatDateTime(facts.exit.confirmedAt)}: Binance refuses new special keys until ${formatDateTime(facts.exit.cooldownEndsAt)}.`,
    });
  }
  if (facts.keyCount !== null && facts.keyCount >= KEY_RULES.keyLimit) {
    blockers.push({ id: 'key-limit', message: `This account already holds ${facts.keyCount} of ${KEY_RULES.keyLimit} keys: delete one before creating another.` });
  }
  return blockers;
}
