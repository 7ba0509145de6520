'use client';

import { useState } from 'react';
import { SubmitOrCancel } from './submit-or-cancel';
import { FormError } from './form-error';
import { emptyKeyFields, KeyFieldset } from './key-fields';
import { useAddSubKey } from './use-connections';

export function AddSubKeyForm({ masterId, accountEmail, onDone }: { masterId: string; accountEmail: string; onDone: () => void }) {
  const [key, setKey] = useState(emptyKeyFields);
  const add = useAddSubKey(masterId);
  const idPrefix = `sub-${accountEmail.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <form
      aria-label={`Add key for ${accountEmail}`}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-950/60"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ accountEmail, ...key }, { onSuccess: onDone });
      }}
    >
      <p className="text-sm">
        <span className="font-medium">{accountEmail}</span>: this sub-account’s own <em>normal</em> key (needed for its special keys, isolated, PM Pro and LiquidationLoan reads).
      </p>
      <KeyFieldset idPrefix={idPrefix} value={key} onChange={setKey} />
      <FormError error={add.error} />
      <SubmitOrCancel pending={add.isPending} label="Check and save" pendingLabel="Checking the key…" onCancel={onDone} />
    </form>
  );
}
