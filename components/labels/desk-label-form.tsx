'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { DESK_LABEL_MAX_LENGTH, deskLabelApiPath, LABELS_QUERY_KEY } from '@/lib/contracts/labels';
import { useDeskLabels } from './use-desk-labels';
import { button, fieldLabel, input } from '@/components/ui/controls';


/**
 * The account's desk label: what every page shows before its email, and what an alert rule may be scoped to.
 * Owners set, change or clear it here; ops read it.
 */
export function DeskLabelForm({ email, canEdit }: { email: string; canEdit: boolean }) {
  const found = useDeskLabels()[email];
  const current = found?.source === 'owner' ? found.label : '';
  const queryClient = useQueryClient();
  const router = useRouter();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (label: string) => apiFetch<{ label: string | null }>(deskLabelApiPath(email), { method: 'PUT', body: JSON.stringify({ label }) }),
    onSuccess: async () => {
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: LABELS_QUERY_KEY });
      router.refresh(); // the page title names the account by its label
    },
  });

  if (draft === null)
    return (
      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="desk-label-current">
        <span className="text-slate-600 dark:text-slate-400">Desk label:</span>
        {found ? <span className="font-medium">{found.label}</span> : <span className="text-slate-500 dark:text-slate-400">none yet</span>}
        {found?.source === 'exchange' && <span className="text-xs text-slate-500 dark:text-slate-400">(the sub-account’s remark on the exchange)</span>}
        {canEdit && (
          <button type="button" className={button.quiet} onClick={() => setDraft(found?.label ?? '')}>
            {current ? 'Change' : 'Set a desk label'}
          </button>
        )}
      </div>
    );
  return (
    <form
      aria-label="Desk label"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <label className={fieldLabel}>
        Desk label
        <input
          className={`${input} w-72 max-w-full`}
          value={draft}
          maxLength={DESK_LABEL_MAX_LENGTH}
          placeholder="e.g. BTC/ETH basis desk"
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <button type="submit" disabled={save.isPending} className={button.primary}>
        {save.isPending ? 'Saving…' : 'Save'}
      </button>
      {current && (
        <button type="button" className={button.quiet} disabled={save.isPending} onClick={() => save.mutate('')}>
          Remove
        </button>
      )}
      <button type="button" className={button.quiet} disabled={save.isPending} onClick={() => setDraft(null)}>
        Cancel
      </button>
      {save.isError && <p role="alert" className="w-full text-sm font-medium text-red-700 dark:text-red-400">{save.error.message}</p>}
    </form>
  );
}
