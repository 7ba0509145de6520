'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiRequestError, apiFetch, setStepUpPrompt } from '@/lib/api-client';
import { RECOVERY_PATH, SECOND_FACTOR_PATH, secondFactorQueryKey, type SecondFactorStatus } from '@/lib/contracts/second-factor';
import { Modal } from '@/components/keys/modal';
import { button, input } from '@/components/ui/controls';
import { ceremonyMessage, passkeyUnavailable, proveWithPasskey } from './passkey-ceremonies';
import { WarnIcon } from '@/components/ui/icons';
import { fillStepUpSlot, stepUpHostOpen } from '@/components/ui/step-up-slot';

/**
 * Asks for a passkey or an authenticator code when an action answers `step_up_required` (docs/security.md, "Second
 * factor"), inside the dialog that sent it (components/ui/step-up-slot.ts), or in a dialog of its own when the action
 * was sent from the page; once a proof is accepted the action is sent again (lib/api-client.ts). Cancelling leaves
 * the action refused: nothing was sent.
 */
export function StepUpPrompt() {
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    let waiting: Promise<boolean> | null = null;
    // Two actions refused at once share one prompt. Decided once, when asked: with no dialog open, one of its own.
    setStepUpPrompt(() => (waiting ??= new Promise<boolean>((resolve) => setPending({ resolve, ownDialog: !stepUpHostOpen() })).finally(() => (waiting = null))));
    return () => setStepUpPrompt(null);
  }, []);
  useEffect(() => {
    if (!pending) return;
    const finish = (proven: boolean) => end(pending, proven, setPending);
    fillStepUpSlot(<StepUpSection heading={!pending.ownDialog} onProven={() => finish(true)} onCancel={() => finish(false)} />, () => finish(false));
  }, [pending]);
  if (!pending?.ownDialog) return null;
  // Empty: as the only open dialog, it shows the section itself.
  return (
    <Modal title="Confirm it is you" onClose={() => end(pending, false, setPending)}>
      {null}
    </Modal>
  );
}

type Pending = { resolve: (proven: boolean) => void; ownDialog: boolean };

function end(pending: Pending, proven: boolean, setPending: (p: null) => void) {
  fillStepUpSlot(null);
  pending.resolve(proven);
  setPending(null);
}

function StepUpSection({ heading, onProven, onCancel }: { heading: boolean; onProven: () => void; onCancel: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // A user who lost the authenticator types a one-time recovery code instead (docs/security.md, "Recovery").
  const [recovery, setRecovery] = useState(false);
  const status = useQuery({ queryKey: secondFactorQueryKey, queryFn: () => apiFetch<SecondFactorStatus>(SECOND_FACTOR_PATH) });
  const hasPasskey = (status.data?.passkeys.length ?? 0) > 0;
  const showCode = recovery || !hasPasskey || Boolean(status.data?.totpEnrolled);
  const attempt = async (prove: () => Promise<unknown>) => {
    setSending(true);
    setError(null);
    try {
      await prove();
      onProven();
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? failure.message : ceremonyMessage(failure));
      setCode('');
    } finally {
      setSending(false);
    }
  };
  const ready = recovery ? code.replace(/[\s-]/g, '').length === 16 : code.replace(/\s/g, '').length === 6;
  // The section replaces what the dialog showed: focus goes to its first control, never back to the page.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>('[data-first]')?.focus(), [status.isSuccess, recovery]);
  return (
    <form
      ref={form}
      aria-label="Confirm it is you"
      className={heading ? 'space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40' : 'space-y-3 text-sm'}
      data-testid="step-up-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        void attempt(() => apiFetch<SecondFactorStatus>(recovery ? RECOVERY_PATH : SECOND_FACTOR_PATH, { method: 'POST', body: JSON.stringify({ code }) }));
      }}
    >
      {heading && <h3 className="font-semibold">Confirm it is you</h3>}
      <p>Actions on the exchange and the connections need your passkey or authenticator app at least every 5 minutes. Nothing has been sent yet.</p>
      {hasPasskey && !recovery && (
        <div className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          {passkeyUnavailable(status.data!) ? (
            <p className="text-amber-800 dark:text-amber-300">{passkeyUnavailable(status.data!)}</p>
          ) : (
            <button type="button" data-first className={button.primary} disabled={sending} onClick={() => void attempt(proveWithPasskey)}>Use passkey</button>
          )}
          {status.data?.totpEnrolled && <p className="text-slate-600 dark:text-slate-400">or enter the code from your authenticator app:</p>}
        </div>
      )}
      {showCode && (
        <label className="block font-medium">
          {recovery ? 'Recovery code' : '6-digit code'}
          <input
            data-first={hasPasskey && !recovery && !passkeyUnavailable(status.data!) ? undefined : true}
            className={`${input} num ml-2 font-mono ${recovery ? 'w-52' : 'w-32 tracking-widest'}`}
            inputMode={recovery ? 'text' : 'numeric'}
            autoComplete={recovery ? 'off' : 'one-time-code'}
            maxLength={recovery ? 24 : 7}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
      )}
      <button
        type="button"
        className="text-xs font-medium text-slate-600 underline underline-offset-2 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
        disabled={sending}
        onClick={() => {
          setRecovery(!recovery);
          setCode('');
          setError(null);
        }}
      >
        {recovery ? 'Back to the passkey or authenticator' : 'Lost your passkey and authenticator? Use a recovery code'}
      </button>
      {error && <p role="alert" className="font-medium text-red-700 dark:text-red-400"><WarnIcon />{error}</p>}
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={button.quiet} disabled={sending} onClick={onCancel}>Cancel</button>
        {showCode && (
          <button type="submit" className={hasPasskey && !recovery ? button.quiet : button.primary} disabled={sending || !ready}>
            {sending ? 'Checking…' : recovery ? 'Use the recovery code' : 'Confirm and continue'}
          </button>
        )}
      </div>
    </form>
  );
}
