'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { DateField } from '@/components/ui/date-field';
import { button, fieldLabel, input } from '@/components/ui/controls';
import { apiFetch } from '@/lib/api-client';
import { formatDate, formatDateTime } from '@/lib/format';
import { keysQueryKey, type TermsStatus } from '@/lib/contracts/keys';
import { OkIcon } from '@/components/ui/icons';

/** Supplemental Product Terms, per master: no API reports them, so say how we know (docs/domain.md#keys). */
export function TermsCard({ terms, canRecord }: { terms: TermsStatus; canRecord: boolean }) {
  const [editing, setEditing] = useState(false);
  const [signedOn, setSignedOn] = useState<string | null>(terms.recorded?.signedOn.slice(0, 10) ?? '');
  const [note, setNote] = useState(terms.recorded?.note ?? '');
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => apiFetch('/api/terms', { method: 'PUT', body: JSON.stringify({ signedOn, note }) }),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: keysQueryKey });
    },
  });

  const status = !terms.signed
    ? 'Not known to be signed: no special key seen and no signing date recorded.'
    : terms.basis === 'recorded'
      ? `Signed on ${formatDate(terms.recorded!.signedOn)} (recorded by ${terms.recorded!.recordedBy} on ${formatDateTime(terms.recorded!.recordedAt)}).`
      : `Signed: inferred from the first special key seen under this master, created ${formatDate(terms.inferredSince!)}.`;

  return (
    <Card
      title="Supplemental Product Terms (master)"
      action={canRecord && !editing ? <button type="button" className={button.quiet} onClick={() => setEditing(true)}>{terms.recorded ? 'Correct the signing date' : 'Record the signing date'}</button> : undefined}
    >
      <p className="text-sm" data-testid="terms-status">
        {terms.signed ? <OkIcon className="text-emerald-700 dark:text-emerald-400" /> : <span className="mr-1 font-semibold">?</span>}
        {status}
      </p>
      {terms.recorded?.note && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Note: {terms.recorded.note}</p>}
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Signing binds the master and every sub-account; the LiquidationLoan rule reads this status.</p>
      {editing && (
        <form className="mt-3 flex flex-wrap items-start gap-3" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
          <DateField label="Signed on" required labelClassName={fieldLabel} className={`${input} w-full`} value={signedOn ?? ''} onChange={setSignedOn} />
          <label className={`${fieldLabel} min-w-64 flex-1`}>
            Note (where the evidence is)
            <input className={`${input} w-full`} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className={button.primary} disabled={save.isPending || !signedOn}>Save</button>
          <button type="button" className={button.quiet} onClick={() => setEditing(false)}>Cancel</button>
          {save.isError && <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">{save.error.message}</p>}
        </form>
      )}
    </Card>
  );
}
