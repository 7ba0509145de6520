'use client';

import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { useAlertsWrite } from './use-alerts';
import { WarnIcon } from '@/components/ui/icons';
import { button, input } from '@/components/ui/controls';


/** Acknowledge with a note (owners and ops): what was done, or why it is fine. */
export function AckForm({ id }: { id: string }) {
  const [note, setNote] = useState('');
  const ack = useAlertsWrite(() => apiFetch(`/api/alerts/${id}/ack`, { method: 'POST', body: JSON.stringify({ note }) }));
  return (
    <form
      aria-label="Acknowledge this alert"
      className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-start"
      onSubmit={(e) => {
        e.preventDefault();
        ack.mutate(undefined);
      }}
    >
      <label className="min-w-0 flex-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        <span className="sr-only">Note</span>
        <input className={`${input} w-full`} value={note} maxLength={1000} placeholder="Note: what was done, or why it is fine" onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" disabled={ack.isPending || note.trim() === ''} className={`${button.primary} shrink-0`}>
        {ack.isPending ? 'Saving…' : 'Acknowledge'}
      </button>
      {ack.isError && <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400"><WarnIcon />{ack.error.message}</p>}
    </form>
  );
}
