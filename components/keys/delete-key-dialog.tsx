'use client';

import Link from 'next/link';
import { button } from '@/components/ui/controls';
import { countOf } from '@/lib/format';
import { Modal } from './modal';
import type { InventoryAccount, InventoryKey } from '@/lib/contracts/keys';
import { useKeyAction } from './use-key-action';
import { WarnIcon } from '@/components/ui/icons';

export function DeleteKeyDialog({ account, k, onClose }: { account: InventoryAccount; k: InventoryKey; onClose: () => void }) {
  const remove = useKeyAction<{ remaining: number; liquidationLoan: string | null }>('/api/keys/special', 'DELETE');
  const cross = account.mode === 'CROSS_CLASSIC';
  if (remove.data) {
    return (
      <Modal title="Special key deleted" onClose={onClose}>
        <div className="space-y-3 text-sm" data-testid="delete-done">
          <p>The exchange no longer lists {k.name ?? k.maskedKey}; {countOf(remove.data.remaining, 'special key')} {remove.data.remaining === 1 ? 'remains' : 'remain'} on {account.email}.</p>
          {remove.data.liquidationLoan && <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"><WarnIcon />{remove.data.liquidationLoan}</p>}
          <div className="flex justify-end gap-2">
            <Link href="/exit" className={button.quiet}>Open the Exit wizard</Link>
            <button type="button" className={button.quiet} onClick={onClose}>Close</button>
          </div>
        </div>
      </Modal>
    );
  }
  return (
    <Modal title={`Delete ${k.name ?? k.maskedKey}?`} onClose={onClose}>
      <div className="space-y-3 text-sm" data-testid="delete-warning">
        <p>{account.email} · {k.symbol ? `isolated ${k.symbol}` : 'cross margin'} · {k.maskedKey}. Anything trading with this key stops at once.</p>
        {cross && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
            <WarnIcon /><strong>Deleting the key alone is not an exit.</strong> The account stays bound to the Supplemental Product Terms and the LiquidationLoan
            policy until the exit is completed and confirmed. To leave, use the <Link href="/exit" className="underline">Exit wizard</Link>.
          </p>
        )}
        {remove.isError && <p role="alert" className="text-red-700 dark:text-red-300">{remove.error.message}</p>}
        <div className="flex justify-end gap-2">
          <button type="button" className={button.quiet} onClick={onClose}>Cancel</button>
          <button type="button" className={button.dangerQuiet} disabled={remove.isPending} onClick={() => remove.mutate({ keyId: k.id })}>{remove.isPending ? 'Deleting…' : 'Delete the key'}</button>
        </div>
      </div>
    </Modal>
  );
}
