'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { apiFetch } from '@/lib/api-client';
import { passkeyPath, secondFactorQueryKey, type PasskeyView, type SecondFactorStatus } from '@/lib/contracts/second-factor';
import { formatDateTime } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { button, input, notice } from '@/components/ui/controls';
import { addPasskey, ceremonyMessage, passkeyUnavailable } from './passkey-ceremonies';
import { OkIcon, WarnIcon } from '@/components/ui/icons';

/**
 * Settings → Security: this user's passkeys, the primary second factor (docs/security.md, "Second factor").
 * Adding one when a factor is already in force, and removing one, ask for a recent proof first (the step-up
 * prompt opens by itself).
 */
export function PasskeysCard({ status, onRecoveryCodes }: { status: SecondFactorStatus; onRecoveryCodes: (codes: string[]) => void }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: secondFactorQueryKey });
  const [name, setName] = useState('Security key');
  const add = useMutation({
    mutationFn: () => addPasskey(name.trim()),
    onSuccess: (added) => {
      setName('Security key');
      if (added.recoveryCodes) onRecoveryCodes(added.recoveryCodes);
      return refresh();
    },
  });
  const unavailable = passkeyUnavailable(status);
  const origin = usePageOrigin();
  return (
    <Card title="Passkeys">
      <div className="space-y-3 text-sm" data-testid="passkeys">
        <p className="text-slate-600 dark:text-slate-400">
          A passkey (a security key, or the one built into your phone or laptop) confirms an action with one touch or a fingerprint instead of a code, and cannot be typed into a look-alike site.
        </p>
        {unavailable && (
          <p className={notice.warn} data-testid="passkeys-unavailable">
            {unavailable}
            {status.passkeyOrigin && origin !== null && status.passkeyOrigin !== origin && (
              <>
                {' '}
                <a className="font-medium underline underline-offset-2" href={`${status.passkeyOrigin}/settings/security`}>
                  Open Settings → Security at {status.passkeyOrigin}
                </a>
              </>
            )}
          </p>
        )}
        {status.passkeys.length === 0 ? (
          <p className="font-medium">No passkey is set up yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800" aria-label="Your passkeys">
            {status.passkeys.map((p) => <PasskeyRow key={p.id} passkey={p} onChanged={refresh} />)}
          </ul>
        )}
        {!unavailable && (
          <form
            aria-label="Add a passkey"
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate();
            }}
          >
            <label className="font-medium">
              Name
              <input className={`${input} ml-2 w-44`} maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="submit" className={button.primary} disabled={add.isPending || name.trim() === ''}>
              {add.isPending ? 'Waiting for the passkey…' : 'Add a passkey'}
            </button>
          </form>
        )}
        {add.isError && <p role="alert" className="font-medium text-red-700 dark:text-red-400"><WarnIcon />{ceremonyMessage(add.error)}</p>}
        {add.isSuccess && <p role="status" className="font-medium text-emerald-700 dark:text-emerald-400"><OkIcon />Passkey “{add.data.name}” added.</p>}
      </div>
    </Card>
  );
}

const noSubscription = () => () => {};

/** The page's origin once in the browser; null while rendering on the server, so both first renders agree. */
function usePageOrigin(): string | null {
  return useSyncExternalStore(noSubscription, () => window.location.origin, () => null);
}

function PasskeyRow({ passkey, onChanged }: { passkey: PasskeyView; onChanged: () => void }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'remove'>('view');
  const [name, setName] = useState(passkey.name);
  const rename = useMutation({
    mutationFn: () => apiFetch<PasskeyView>(passkeyPath(passkey.id), { method: 'PATCH', body: JSON.stringify({ name: name.trim() }) }),
    onSuccess: () => {
      setMode('view');
      onChanged();
    },
  });
  const remove = useMutation({ mutationFn: () => apiFetch<PasskeyView>(passkeyPath(passkey.id), { method: 'DELETE', body: '{}' }), onSuccess: onChanged });
  const failure = rename.error ?? remove.error;
  return (
    <li className="space-y-2 px-3 py-2" data-testid="passkey">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium break-words">{passkey.name}</p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Added {formatDateTime(passkey.createdAt)} · {passkey.lastUsedAt ? `last used ${formatDateTime(passkey.lastUsedAt)}` : 'not used yet'}
          </p>
        </div>
        {mode === 'view' && (
          <div className="flex gap-2">
            <button type="button" className={button.quiet} onClick={() => setMode('rename')}>Rename</button>
            <button type="button" className={button.quiet} onClick={() => setMode('remove')}>Remove</button>
          </div>
        )}
      </div>
      {mode === 'rename' && (
        <form
          aria-label={`Rename ${passkey.name}`}
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate();
          }}
        >
          <input aria-label="New name" className={`${input} w-44`} maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className={button.primary} disabled={rename.isPending || name.trim() === ''}>Save</button>
          <button type="button" className={button.quiet} onClick={() => setMode('view')}>Cancel</button>
        </form>
      )}
      {mode === 'remove' && (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Remove ${passkey.name}`}>
          <span>Remove “{passkey.name}”? It will no longer confirm actions.</span>
          <button type="button" className={button.danger} disabled={remove.isPending} onClick={() => remove.mutate()}>
            {remove.isPending ? 'Removing…' : 'Remove the passkey'}
          </button>
          <button type="button" className={button.quiet} disabled={remove.isPending} onClick={() => setMode('view')}>Keep it</button>
        </div>
      )}
      {failure && <p role="alert" className="font-medium text-red-700 dark:text-red-400"><WarnIcon />{failure.message}</p>}
    </li>
  );
}
