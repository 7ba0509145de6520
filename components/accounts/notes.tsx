'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { REVIEWS_QUERY_KEY } from '@/lib/contracts/review';
import { formatDateTime } from '@/lib/format';
import { DateField } from '@/components/ui/date-field';
import { accountNotesApiPath, accountQueryKey, type AccountNote } from '@/lib/contracts/accounts';
import { OkIcon, WarnIcon } from '@/components/ui/icons';
import { button, input } from '@/components/ui/controls';

const MAX = 2000;

/** Review notes: owners and ops record "reviewed, OK until …"; each is audited server-side. */
export function Notes({ email, notes, canWrite }: { email: string; notes: AccountNote[]; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  // '' for no date, null while the typed date is not a day.
  const [okUntil, setOkUntil] = useState<string | null>('');
  const save = useMutation({
    mutationFn: () =>
      apiFetch<AccountNote>(accountNotesApiPath(email), { method: 'POST', body: JSON.stringify({ body, okUntil: okUntil || null }) }),
    onSuccess: async () => {
      setBody('');
      setOkUntil('');
      await Promise.all([queryClient.invalidateQueries({ queryKey: accountQueryKey(email) }), queryClient.invalidateQueries({ queryKey: REVIEWS_QUERY_KEY })]);
    },
  });

  return (
    <div className="space-y-4">
      {canWrite && (
        <form
          aria-label="Add a review note"
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
            Note
            <textarea className={`${input} mt-1 w-full`} rows={3} maxLength={MAX} value={body} placeholder="Reviewed: positions hedged, OK until …" onChange={(e) => setBody(e.target.value)} />
          </label>
          <div className="flex flex-wrap items-start gap-3">
            <DateField label="OK until (optional)" labelClassName="block w-44 text-xs font-medium text-slate-600 dark:text-slate-400" className={`${input} mt-1 w-full`} value={okUntil ?? ''} onChange={setOkUntil} />
            {/* mt-5: level with the date input under its label, not with the day read out beneath it. */}
            <div className="mt-5 flex items-center gap-3">
              <button type="submit" disabled={save.isPending || body.trim() === '' || okUntil === null} className={button.primary}>
                {save.isPending ? 'Saving…' : 'Save note'}
              </button>
              <span className="num text-xs text-slate-500">{body.length}/{MAX}</span>
            </div>
          </div>
          {save.isError && <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400"><WarnIcon />{save.error.message}</p>}
        </form>
      )}
      {notes.length === 0 ? (
        <p className="text-sm text-slate-500">No review notes yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="notes">
          {notes.map((n) => (
            <li key={n.id} className="py-3 text-sm">
              <p className="whitespace-pre-wrap">{n.body}</p>
              <p className="num mt-1 text-xs text-slate-500">
                {n.authorEmail} · {formatDateTime(n.createdAt)}
                {n.okUntil && <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 font-medium text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300"><OkIcon />OK until {formatDateTime(n.okUntil)}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
