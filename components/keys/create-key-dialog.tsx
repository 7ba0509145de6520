'use client';

import { useState } from 'react';
import { inputClass, labelClass, primaryButton, secondaryButton } from '@/components/connections/styles';
import { SubmitOrCancel } from '@/components/connections/submit-or-cancel';
import { parseIpList } from '@/lib/keys/ip-list';
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

export function CreateKeyDialog({ account, onClose }: { account: InventoryAccount; onClose: () => void }) {
  const [form, setForm] = useState({ apiName: '', market: 'cross', symbol: '', signature: 'HMAC', publicKey: '', permissionMode: 'TRADE', ip: '' });
  const [confirming, setConfirming] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useKeyAction<Created>('/api/keys/special', 'POST');
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  if (create.data) return <SecretOnce created={create.data} account={account.email} onClose={onClose} />;

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
    return (
      <Modal title={bindingChange(account) === 'rebinds' ? 'A new special key re-binds this account' : 'This account becomes bound to the LiquidationLoan policy'} onClose={onClose}>
        <div className="space-y-3 text-sm" data-testid="binding-confirmation">
          <p>
            <strong>{account.email}</strong> is a Cross Margin Classic account{' '}
            {bindingChange(account) === 'rebinds' ? 'that exited special-key mode and is no longer bound' : 'with no special key so far'}. With the Supplemental
            Product Terms signed, creating this special key makes the account <strong>bound to the LiquidationLoan policy</strong>
            {bindingChange(account) === 'rebinds' ? ' again' : ''}: if a forced liquidation leaves a deficit, the deficit becomes a loan you must repay in full.
          </p>
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
            ⚠ Deleting the key later will <strong>not</strong> release the account. Only a completed and confirmed exit (Exit wizard) does.
          </p>
          {create.isError && <p role="alert" className="text-red-700 dark:text-red-300">{create.error.message}</p>}
          <div className="flex justify-end gap-2">
            <button type="button" className={secondaryButton} onClick={() => setConfirming(false)} disabled={create.isPending}>Back</button>
            <button type="button" className={primaryButton} onClick={send} disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Bind the account and create the key'}
            </button>
          </div>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={`Create a special key on ${account.email}`} onClose={onClose}>
      <form className="space-y-3" onSubmit={submit} noValidate>
        <label className={labelClass}>
          Key name
          <input className={inputClass} required maxLength={40} value={form.apiName} onChange={(e) => set({ apiName: e.target.value })} />
        </label>
        <div className="grid grid-cols-2 gap-3">
          <label className={labelClass}>
            Trades
            <select className={inputClass} value={form.market} onChange={(e) => set({ market: e.target.value })}>
              <option value="cross">Cross margin</option>
              <option value="isolated">One isolated pair</option>
            </select>
          </label>
          {form.market === 'isolated' && (
            <label className={labelClass}>
              Pair (symbol)
              <input className={inputClass} placeholder="BTCUSDT" value={form.symbol} onChange={(e) => set({ symbol: e.target.value.toUpperCase() })} />
            </label>
          )}
          <label className={labelClass}>
            Signature
            <select className={inputClass} value={form.signature} onChange={(e) => set({ signature: e.target.value })}>
              <option value="HMAC">HMAC (secret shown once)</option>
              <option value="Ed25519">Ed25519 (your public key)</option>
              <option value="RSA">RSA (your public key)</option>
            </select>
          </label>
          <label className={labelClass}>
            Permission mode
            <select className={inputClass} value={form.permissionMode} onChange={(e) => set({ permissionMode: e.target.value })}>
              <option value="TRADE">TRADE</option>
              <option value="READ">READ (Ed25519 only)</option>
            </select>
          </label>
        </div>
        {form.signature !== 'HMAC' && (
          <label className={labelClass}>
            Public key (PEM)
            <textarea className={`${inputClass} font-mono text-xs`} rows={4} placeholder="-----BEGIN PUBLIC KEY-----" value={form.publicKey} onChange={(e) => set({ publicKey: e.target.value })} />
          </label>
        )}
        <label className={labelClass}>
          IP whitelist (up to 30 IPv4/IPv6 addresses or CIDR ranges, separated by commas or new lines)
          <textarea className={`${inputClass} font-mono text-xs`} rows={2} value={form.ip} onChange={(e) => set({ ip: e.target.value })} />
        </label>
        {(localError ?? (create.isError ? create.error.message : null)) && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">{localError ?? create.error?.message}</p>
        )}
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {
            {
              binds: 'LiquidationLoan: this would be the account’s first special key, which binds it — you will be asked to confirm.',
              rebinds: 'LiquidationLoan: this account exited and is not bound; a new special key would re-bind it — you will be asked to confirm.',
              stays: 'LiquidationLoan: the account is already bound, and stays bound as it is.',
              none: 'LiquidationLoan: this account’s rule does not depend on its special keys.',
            }[bindingChange(account)]
          }
        </p>
        <SubmitOrCancel pending={create.isPending} label="Create special key" pendingLabel="Creating…" onCancel={onClose} />
      </form>
    </Modal>
  );
}
