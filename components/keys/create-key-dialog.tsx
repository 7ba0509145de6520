'use client';

import { useState } from 'react';
import { TriangleAlert } from 'lucide-react';
import { button } from '@/components/ui/controls';
import { SubmitOrCancel } from '@/components/connections/submit-or-cancel';
import { AccountName } from '@/components/labels/account-name';
import { createBlockers } from '@/lib/keys/create-blockers';
import { parseIpList } from '@/lib/keys/ip-list';
import { CreateBlockers, CreateKeyBinding, SpecialKeyScope } from './create-key-context';
import { CreateKeyFields, EMPTY_FORM, type CreateKeyForm } from './create-key-fields';
import { Modal } from './modal';
import { SecretOnce } from './secret-once';
import type { InventoryAccount } from '@/lib/contracts/keys';
import { useKeyAction } from './use-key-action';

type Created = { keyId: string; apiKey: string; secretKey: string | null; type: string; liquidationLoan: string | null };

/**
 * What a new special key does to the account's binding, from the refresh's one verdict (its rule): the first
 * key binds a Cross Classic account, and so does a key on an account that exited (docs/domain.md#binding).
 */
function bindingChange(account: InventoryAccount): 'binds' | 'rebinds' | 'stays' | 'none' {
  if (account.mode !== 'CROSS_CLASSIC') return 'none';
  const unbound = account.rule === 'NOT_BOUND' || (account.rule === null && !account.keys.some((k) => k.kind === 'special'));
  if (!unbound) return 'stays';
  return account.exit ? 'rebinds' : 'binds';
}

/** The key would bind (or re-bind) the account: say so plainly before anything is sent. */
function needsBindingConfirmation(account: InventoryAccount): boolean {
  const change = bindingChange(account);
  return change === 'binds' || change === 'rebinds';
}

const CHANGE_NOTE = {
  binds: 'A new special key would be this account’s first, which binds it: you will be asked to confirm.',
  rebinds: 'This account exited and is not bound; a new special key would re-bind it: you will be asked to confirm.',
  stays: 'The account is already bound, and stays bound as it is.',
  none: 'This account’s rule does not depend on its special keys.',
} as const;

export function CreateKeyDialog({ account, onClose }: { account: InventoryAccount; onClose: () => void }) {
  const [form, setForm] = useState<CreateKeyForm>(EMPTY_FORM);
  const [confirming, setConfirming] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  // Read once when the dialog opens: whether the exit's 24 h cooldown is still running is judged at that moment.
  const [openedAt] = useState(() => new Date());
  const create = useKeyAction<Created>('/api/keys/special', 'POST');
  const set = (patch: Partial<CreateKeyForm>) => setForm((f) => ({ ...f, ...patch }));
  const name = <AccountName email={account.email} inline />;

  if (create.data) return <SecretOnce created={create.data} account={account.email} onClose={onClose} />;

  const blockers = createBlockers({ email: account.email, mode: account.mode, keyCount: account.quota.count, tradingKeyStored: account.canManage, exit: account.exit }, openedAt);
  if (blockers.length > 0) {
    return (
      <Modal title={<>No special key can be created on {name}</>} onClose={onClose}>
        <div className="space-y-3 text-sm">
          <CreateBlockers blockers={blockers} />
          <SpecialKeyScope />
          <CreateKeyBinding account={account} />
          <div className="flex justify-end">
            <button type="button" className={button.quiet} onClick={onClose}>Close</button>
          </div>
        </div>
      </Modal>
    );
  }

  const send = () =>
    create.mutate({
      account: account.email,
      apiName: form.apiName,
      symbol: form.market === 'isolated' ? form.symbol : undefined,
      publicKey: form.signature === 'HMAC' ? undefined : form.publicKey,
      permissionMode: form.permissionMode,
      ip: form.ip,
      confirmBinding: needsBindingConfirmation(account),
    });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    // Checked here for a quick answer; the server checks again and nothing reaches the exchange on bad input.
    const ips = parseIpList(form.ip);
    if (!ips.ok) return setLocalError(ips.error);
    setLocalError(null);
    if (needsBindingConfirmation(account) && !confirming) return setConfirming(true);
    send();
  };

  if (confirming) {
    const rebinds = bindingChange(account) === 'rebinds';
    return (
      <Modal title={rebinds ? 'A new special key re-binds this account' : 'This account becomes bound to the LiquidationLoan policy'} onClose={onClose}>
        <div className="space-y-3 text-sm" data-testid="binding-confirmation">
          <p>
            <strong>{name}</strong> is a Cross Margin Classic account{' '}
            {rebinds ? 'that exited special-key mode and is no longer bound' : 'with no special key so far'}. With the Supplemental
            Product Terms signed, creating this special key makes the account <strong>bound to the LiquidationLoan policy</strong>
            {rebinds ? ' again' : ''}: if a forced liquidation leaves a deficit, the deficit becomes a loan you must repay in full.
          </p>
          <p className="flex gap-1.5 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
            <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
            <span>Deleting the key later will <strong>not</strong> release the account. Only a completed and confirmed exit (Exit wizard) does.</span>
          </p>
          {create.isError && <p role="alert" className="text-red-700 dark:text-red-300">{create.error.message}</p>}
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={button.quiet} onClick={() => setConfirming(false)} disabled={create.isPending}>Back</button>
            <button type="button" className={button.primary} onClick={send} disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Bind the account and create the key'}
            </button>
          </div>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={<>Create a special key on {name}</>} onClose={onClose}>
      <form className="space-y-3" onSubmit={submit} noValidate>
        <SpecialKeyScope />
        <CreateKeyBinding account={account} />
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="binding-change">LiquidationLoan: {CHANGE_NOTE[bindingChange(account)]}</p>
        <CreateKeyFields form={form} set={set} />
        {(localError ?? (create.isError ? create.error.message : null)) && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">{localError ?? create.error?.message}</p>
        )}
        <SubmitOrCancel pending={create.isPending} label="Create special key" pendingLabel="Creating…" onCancel={onClose} />
      </form>
    </Modal>
  );
}
