'use client';

import { useState } from 'react';
import { fieldLabel, input } from '@/components/ui/controls';
import { SubmitOrCancel } from '@/components/connections/submit-or-cancel';
import { parseIpList } from '@/lib/keys/ip-list';
import { Modal } from './modal';
import type { InventoryAccount, InventoryKey } from '@/lib/contracts/keys';
import { useKeyAction } from './use-key-action';

export function EditIpDialog({ account, k, onClose }: { account: InventoryAccount; k: InventoryKey; onClose: () => void }) {
  const [ip, setIp] = useState((k.ipList ?? []).join('\n'));
  const [localError, setLocalError] = useState<string | null>(null);
  const edit = useKeyAction<{ ip: string[] }>('/api/keys/special/ip', 'PUT');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = parseIpList(ip);
    if (!parsed.ok) return setLocalError(parsed.error);
    setLocalError(null);
    edit.mutate({ keyId: k.id, ip }, { onSuccess: onClose });
  };
  return (
    <Modal title={`IP whitelist of ${k.name ?? k.maskedKey}`} onClose={onClose}>
      <form className="space-y-3" onSubmit={submit} noValidate>
        <p className="text-sm text-slate-600 dark:text-slate-400">{account.email} · {k.symbol ? `isolated ${k.symbol}` : 'cross margin'} · {k.maskedKey}</p>
        <label className={fieldLabel}>
          Addresses (up to 30 IPv4/IPv6 addresses or CIDR ranges; this list replaces the current one)
          <textarea className={`${input} w-full font-mono text-xs`} rows={5} value={ip} onChange={(e) => setIp(e.target.value)} />
        </label>
        {(localError ?? (edit.isError ? edit.error.message : null)) && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{localError ?? edit.error?.message}</p>}
        <p className="text-xs text-slate-500 dark:text-slate-400">LiquidationLoan: an IP change does not change the account’s binding.</p>
        <SubmitOrCancel pending={edit.isPending} label="Save whitelist" pendingLabel="Saving…" onCancel={onClose} />
      </form>
    </Modal>
  );
}
