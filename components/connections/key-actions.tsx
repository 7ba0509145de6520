'use client';

import { useState } from 'react';
import { SubmitOrCancel } from './submit-or-cancel';
import { FormError } from './form-error';
import { SecretField } from './key-fields';
import { button } from '@/components/ui/controls';
import type { ConnectionView } from '@/lib/contracts/connections';
import { useRemove, useRotate } from './use-connections';

/** Rotate and remove for one stored key (owner only: the caller renders this only for connections.write). */
export function KeyActions({ connection }: { connection: ConnectionView }) {
  const [open, setOpen] = useState<'rotate' | 'remove' | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <button type="button" className={button.quiet} onClick={() => setOpen(open === 'rotate' ? null : 'rotate')} aria-expanded={open === 'rotate'}>
          Rotate secret
        </button>
        <button type="button" className={button.dangerQuiet} onClick={() => setOpen(open === 'remove' ? null : 'remove')} aria-expanded={open === 'remove'}>
          Remove
        </button>
      </div>
      {open === 'rotate' && <RotateForm connection={connection} onDone={() => setOpen(null)} />}
      {open === 'remove' && <ConfirmRemove connection={connection} onDone={() => setOpen(null)} />}
    </div>
  );
}

function RotateForm({ connection, onDone }: { connection: ConnectionView; onDone: () => void }) {
  const [secret, setSecret] = useState('');
  const rotate = useRotate(connection.id);
  return (
    <form
      aria-label={`Rotate the secret of ${connection.name}`}
      className="flex w-full max-w-md flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        rotate.mutate(secret, { onSuccess: onDone });
      }}
    >
      <SecretField idPrefix={`rotate-${connection.id}`} signerType={connection.signerType} value={secret} onChange={setSecret} />
      <p className="text-xs text-slate-500">The new secret is checked live with key {connection.maskedKey} before it replaces the stored one.</p>
      <FormError error={rotate.error} />
      <SubmitOrCancel pending={rotate.isPending} label="Check and replace" pendingLabel="Checking…" onCancel={onDone} />
    </form>
  );
}

function ConfirmRemove({ connection, onDone }: { connection: ConnectionView; onDone: () => void }) {
  const remove = useRemove(connection.id);
  return (
    <div role="alertdialog" aria-label={`Remove ${connection.name}?`} className="w-full max-w-md rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100">
      <p>
        Remove <strong>{connection.name}</strong> ({connection.maskedKey}) from marginwatch?
        {connection.kind === 'master' && ' Every sub-account key stored under it is removed too.'} The key itself stays valid on the exchange: delete it there if it is no longer needed.
      </p>
      <FormError error={remove.error} />
      <div className="mt-3 flex gap-2">
        <button type="button" className={button.danger} disabled={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: onDone })}>
          {remove.isPending ? 'Removing…' : 'Yes, remove'}
        </button>
        <button type="button" className={button.quiet} onClick={onDone}>
          Keep it
        </button>
      </div>
    </div>
  );
}
