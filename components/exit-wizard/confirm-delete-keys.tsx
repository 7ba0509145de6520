'use client';

import type { ExitReviewAccount } from '@/lib/contracts/exit';
import { formatDateTime } from '@/lib/format';
import { AccountName } from '@/components/labels/account-name';
import { Modal } from '@/components/keys/modal';
import { button, notice } from '@/components/ui/controls';
import { WarnIcon } from '@/components/ui/icons';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Step 1 asks before it acts: every special key the latest refresh listed on each chosen account, by name and
 * last 4 characters, and exactly what deleting them does (docs/domain.md, the exit's two steps).
 */
export function ConfirmDeleteKeys({ accounts, dataAt, pending, error, onConfirm, onClose }: {
  accounts: ExitReviewAccount[];
  dataAt: string | null;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const keyCount = accounts.reduce((n, a) => n + a.keys.length, 0);
  const what = `${plural(keyCount, 'special key')} on ${plural(accounts.length, 'account')}`;
  return (
    <Modal title={`Step 1: delete ${what}?`} onClose={onClose} closable={!pending}>
      <div className="space-y-3 text-sm" data-testid="confirm-delete-keys">
        <p>
          These special keys will be deleted on the exchange{dataAt ? <> (as listed by the refresh of {formatDateTime(dataAt)})</> : null}:
        </p>
        <ul className="max-h-[45vh] space-y-2 overflow-y-auto rounded-md border border-slate-200 p-3 dark:border-slate-800" aria-label="Keys to delete">
          {accounts.map((a) => (
            <li key={a.email} data-testid={`delete-list-${a.email}`}>
              <p className="font-semibold"><AccountName email={a.email} /></p>
              {a.keys.length === 0 ? (
                <p className="text-xs text-slate-500">No special key listed at the last refresh.</p>
              ) : (
                <ul className="mt-1 space-y-0.5">
                  {a.keys.map((k) => (
                    <li key={k.keyTail + (k.name ?? '')} className="flex flex-wrap gap-x-2">
                      <span className="font-mono text-xs wrap-anywhere">{k.name ?? 'unnamed'}</span>
                      <span className="font-mono text-xs">••••{k.keyTail}</span>
                      <span className="text-xs text-slate-500">{k.symbol ? `isolated ${k.symbol}` : 'cross margin'}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        <ul className="list-disc space-y-1 pl-5">
          <li>Each account&apos;s list is read again from the exchange first; every special key listed then is deleted, including one created since this list.</li>
          <li>Anything trading with these keys stops at once. A deleted key cannot be restored.</li>
          <li>The list is read again afterwards to show that none is left.</li>
        </ul>
        <p className={notice.warn}>
          <strong>Deleting the keys alone is not an exit.</strong> The accounts stay bound by the Supplemental Product Terms and the LiquidationLoan policy until
          step 2, the exit, is called and confirmed.
        </p>
        {error && <p role="alert" className="font-medium text-red-700 dark:text-red-400"><WarnIcon />{error}</p>}
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className={button.quiet} disabled={pending} onClick={onClose}>Cancel</button>
          <button type="button" className={button.danger} disabled={pending} onClick={onConfirm}>
            {pending ? 'Deleting…' : `Delete ${what}`}
          </button>
        </div>
      </div>
    </Modal>
  );
}
