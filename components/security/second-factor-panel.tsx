'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { SECOND_FACTOR_ENROL_PATH, SECOND_FACTOR_PATH, secondFactorQueryKey, type Enrolment, type SecondFactorStatus, type WithRecoveryCodes } from '@/lib/contracts/second-factor';
import { formatDateTime } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { ErrorState, TableSkeleton } from '@/components/ui/states';
import { button, input, notice } from '@/components/ui/controls';
import { PasskeysCard } from './passkeys-card';
import { RecoveryCard, RecoveryCodesShown } from './recovery-codes';
import { OkIcon, WarnIcon } from '@/components/ui/icons';

/**
 * Settings → Security: whether this session has a recent proof, this user's passkeys (the primary factor),
 * authenticator app (the fallback) and recovery codes (docs/security.md, "Second factor", "Recovery").
 */
export function SecondFactorPanel() {
  const status = useQuery({ queryKey: secondFactorQueryKey, queryFn: () => apiFetch<SecondFactorStatus>(SECOND_FACTOR_PATH) });
  // A set of recovery codes just made: shown once, until the person says they saved it.
  const [shownCodes, setShownCodes] = useState<string[] | null>(null);
  if (status.isPending) return <TableSkeleton rows={3} />;
  if (status.isError) return <ErrorState message={status.error.message} onRetry={() => status.refetch()} />;
  const { enrolled, totpEnrolled, freshUntil, recoveryCodesLeft } = status.data;
  return (
    <div className="space-y-4">
      {shownCodes && <RecoveryCodesShown codes={shownCodes} onDone={() => setShownCodes(null)} />}
      {enrolled ? (
        <p className={notice.ok}><OkIcon />A second factor is set up. Creating, re-whitelisting or deleting special keys, repaying, the exit and changing connections ask for it when the last proof is older than 5 minutes.</p>
      ) : (
        <p className={notice.warn}>No second factor is set up: actions on the exchange and the connections are refused until you add a passkey or an authenticator app.</p>
      )}
      <p className="text-sm" data-testid="step-up-fresh">
        {freshUntil ? `This session is confirmed until ${formatDateTime(freshUntil)}.` : 'This session has no recent proof: the next such action asks for one.'}
      </p>
      <PasskeysCard status={status.data} onRecoveryCodes={setShownCodes} />
      <Card title="Authenticator app (fallback)">
        <div className="space-y-3 text-sm" data-testid="second-factor">
          {totpEnrolled ? (
            <p><OkIcon />An authenticator is set up: its 6-digit code works wherever a passkey is asked for.</p>
          ) : (
            <p>No authenticator is set up. A code from an authenticator app is the fallback when no passkey is at hand.</p>
          )}
          <Enrol replacing={totpEnrolled} onRecoveryCodes={setShownCodes} />
        </div>
      </Card>
      <RecoveryCard left={recoveryCodesLeft} enrolled={enrolled} onCodes={setShownCodes} />
    </div>
  );
}

/**
 * Sets up an authenticator, or replaces the one set up: the server asks for a recent proof first (the step-up
 * prompt opens), and the old one keeps working until the new one's first code is confirmed.
 */
function Enrol({ replacing, onRecoveryCodes }: { replacing: boolean; onRecoveryCodes: (codes: string[]) => void }) {
  const queryClient = useQueryClient();
  const start = useMutation({ mutationFn: () => apiFetch<Enrolment>(SECOND_FACTOR_ENROL_PATH, { method: 'POST', body: '{}' }) });
  const confirm = useMutation({
    mutationFn: (code: string) => apiFetch<SecondFactorStatus & WithRecoveryCodes>(SECOND_FACTOR_PATH, { method: 'POST', body: JSON.stringify({ code }) }),
    onSuccess: (answer) => {
      if (answer.recoveryCodes) onRecoveryCodes(answer.recoveryCodes);
      start.reset();
      setCode('');
      return queryClient.invalidateQueries({ queryKey: secondFactorQueryKey });
    },
  });
  const [code, setCode] = useState('');
  if (!start.data) {
    return (
      <div>
        <button type="button" className={replacing ? button.quiet : button.primary} disabled={start.isPending} onClick={() => start.mutate()}>
          {replacing ? 'Replace the authenticator' : 'Set up an authenticator'}
        </button>
        {confirm.isSuccess && <p role="status" className="mt-2 font-medium text-emerald-700 dark:text-emerald-400"><OkIcon />The authenticator is confirmed.</p>}
        {start.isError && <p role="alert" className="mt-2 font-medium text-red-700"><WarnIcon />{start.error.message}</p>}
      </div>
    );
  }
  return (
    <form
      aria-label="Set up an authenticator"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate(code);
      }}
    >
      {start.data.replacing && <p className="font-medium">Your current authenticator keeps working until this one’s first code is confirmed.</p>}
      <p>Add this secret to an authenticator app (time-based, 6 digits, 30 s), then enter the code it shows:</p>
      <p className="rounded-md bg-slate-100 px-3 py-2 font-mono text-base tracking-wider break-all dark:bg-slate-800" data-testid="totp-secret">
        {start.data.secret.replace(/(.{4})/g, '$1 ').trim()}
      </p>
      <details className="text-xs text-slate-600 dark:text-slate-400">
        <summary>Setup address (otpauth://) for apps that read one</summary>
        <p className="mt-1 font-mono break-all">{start.data.uri}</p>
      </details>
      <label className="block font-medium">
        Code from the app
        <input className={`${input} num ml-2 w-32 font-mono`} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <button type="submit" className={button.primary} disabled={confirm.isPending || code.trim() === ''}>Confirm the authenticator</button>
      {confirm.isError && <p role="alert" className="font-medium text-red-700"><WarnIcon />{confirm.error.message}</p>}
    </form>
  );
}
