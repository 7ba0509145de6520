import type { AccountMode, AccountStatus, ApplicabilityRule } from '@/lib/risk';
import { describeLiability, type Liability } from './liabilities';

/** What the review step knows of one account, from the latest refresh and the stored connections. */
export interface ReviewInput {
  email: string;
  mode: AccountMode;
  rule: ApplicabilityRule;
  ruleReason: string;
  status: AccountStatus;
  liabilities: Liability[];
  /** A normal key of this sub-account is stored: the only key that may list and delete its special keys. */
  keyStored: boolean;
  /** The stored key's recorded permissions allow trading (needed to delete keys and to exit); null: not recorded. */
  keyCanTrade: boolean | null;
}

export type BlockerCode = 'liability' | 'liquidating' | 'no_key' | 'key_permission' | 'mode_unknown';
export interface Blocker {
  code: BlockerCode;
  message: string;
}

export type Verdict =
  | { kind: 'excluded'; reason: string }
  /** Bound, but the run cannot take it yet; each blocker says what to do. */
  | { kind: 'blocked'; blockers: Blocker[] }
  | { kind: 'ready' };

export const PM_PRO_EXCLUSION =
  'Portfolio Margin Pro has no exit through the API: contact your VIP manager to leave the Supplemental Product Terms for this account. It is not part of the run.';

/**
 * Which accounts the wizard may take into a run (docs/domain.md#exit). A blocked account cannot be chosen at all
 * (choice): deleting the keys of an account that cannot then exit leaves it still bound *and* without its
 * trading keys, which helps nobody.
 */
export function reviewAccount(a: ReviewInput): Verdict {
  if (a.mode === 'PM_PRO' || a.rule === 'PM_PRO_BOUND') return { kind: 'excluded', reason: PM_PRO_EXCLUSION };
  if (a.rule === 'UNSUPPORTED_PRODUCT') {
    return { kind: 'excluded', reason: 'Cross Margin Pro was sunset by Binance and has no exit endpoint; ask your VIP manager. It is not part of the run.' };
  }
  if (a.rule === 'NOT_BOUND' || a.rule === 'ISOLATED_NEVER') return { kind: 'excluded', reason: `Needs no exit: ${a.ruleReason}` };

  const blockers: Blocker[] = [];
  if (!a.keyStored) {
    blockers.push({ code: 'no_key', message: 'No normal key of this account is stored, so its special keys cannot be listed or deleted from here. Add one in Settings → Connections.' });
  } else if (a.keyCanTrade === false) {
    blockers.push({ code: 'key_permission', message: 'The stored key lacks the Spot & Margin trading permission that deleting special keys and the exit need. Store a trading key for this account.' });
  }
  if (a.rule === 'UNKNOWN_MODE') {
    blockers.push({ code: 'mode_unknown', message: 'The margin account type could not be read; the exit is for Cross Margin Classic only. Refresh and try again.' });
  }
  if (a.status === 'LIQUIDATING') {
    blockers.push({ code: 'liquidating', message: 'The account is at its liquidation bar: Binance refuses the exit while an account is being liquidated.' });
  }
  for (const l of a.liabilities) {
    blockers.push({ code: 'liability', message: `Repay ${describeLiability(l)}: Binance refuses the exit while any liability remains.` });
  }
  return blockers.length ? { kind: 'blocked', blockers } : { kind: 'ready' };
}

/** The review's default selection: every bound account the run can take (blocked ones cannot be chosen). */
export function defaultSelection(accounts: { email: string; verdict: Verdict }[]): string[] {
  return accounts.filter((a) => a.verdict.kind === 'ready').map((a) => a.email);
}
