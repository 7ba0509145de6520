/** The word the owner types to confirm step 2; the number of accounts in the run works too. */
export const CONFIRM_WORD = 'EXIT';

/** Typed confirmation for the irreversible exit (docs/domain.md#exit): exactly EXIT, or the count of accounts. */
export function confirmationMatches(typed: string, accountCount: number): boolean {
  const t = typed.trim();
  return t === CONFIRM_WORD || (accountCount > 0 && t === String(accountCount));
}
