'use client';

import { useState } from 'react';
import { SubmitOrCancel } from './submit-or-cancel';
import { FormError } from './form-error';
import { emptyKeyFields, KeyFieldset } from './key-fields';
import { fieldLabel, input } from '@/components/ui/controls';
import { useAddMaster } from './use-connections';

export function AddMasterForm({ defaultBaseUrl, onDone }: { defaultBaseUrl: string; onDone: () => void }) {
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState(defaultBaseUrl);
  const [key, setKey] = useState(emptyKeyFields);
  const add = useAddMaster();

  return (
    <form
      aria-label="Add master connection"
      className="grid grid-cols-1 gap-4 md:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ name, baseUrl, ...key }, { onSuccess: onDone });
      }}
    >
      <label className={fieldLabel}>
        Name
        <input className={`${input} w-full`} value={name} required maxLength={80} placeholder="e.g. FundX master" onChange={(e) => setName(e.target.value)} />
      </label>
      <label className={fieldLabel}>
        Base URL
        <input className={`${input} w-full font-mono`} value={baseUrl} required type="url" onChange={(e) => setBaseUrl(e.target.value)} />
      </label>
      <div className="flex flex-col gap-4 md:col-span-2">
        <KeyFieldset idPrefix="master" value={key} onChange={setKey} />
        <p className="text-xs text-slate-500">
          On save the key is checked live (its restrictions and a margin read). A Margin Special key is refused: store the account’s normal key.
        </p>
        <FormError error={add.error} />
        <SubmitOrCancel pending={add.isPending} label="Check and save" pendingLabel="Checking the key…" onCancel={onDone} />
      </div>
    </form>
  );
}
