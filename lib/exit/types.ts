/**
 * The exit run's vocabulary (docs/domain.md#exit). A run walks its chosen accounts through two exchange steps:
 * delete every special key, then call the exit and confirm it by re-reading. Every exchange-touching
 * sub-step has a "before" state (…ing / exit_sending) written before the call and an "after" state written
 * once the answer is in, so a crash between the two is seen as *in doubt* and resolved by re-reading.
 */

/** deleting → keys_deleted → exiting → done; cancelled from any unfinished phase. */
export type RunPhase = 'deleting' | 'keys_deleted' | 'exiting' | 'done' | 'cancelled';

export const FINISHED_PHASES: readonly RunPhase[] = ['done', 'cancelled'];

export type AccountStage =
  | 'selected' // chosen, keys not yet listed
  | 'deleting' // keys listed; deletions under way or some failed
  | 'keys_deleted' // the re-read list is empty: STILL BOUND until the exit is confirmed
  | 'exit_sending' // recorded before POST exit-special-key-mode
  | 'exit_sent' // the exchange answered; not yet confirmed by a re-read
  | 'confirmed' // re-read shows no special key and no liability; recorded in account_exits
  | 'failed'; // the exit was refused or could not be confirmed (reason kept)

export type KeyStatus = 'pending' | 'deleting' | 'deleted' | 'failed';

export type Command = 'delete_keys' | 'exit' | 'cancel';

/** What a re-read of one account shows, as far as the exit cares. */
export interface AccountReread {
  specialKeys: string[];
  /** Liabilities left (borrowed + interest per asset, outstanding LiquidationLoan), described for people. */
  liabilities: string[];
}
