'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import { SECOND_FACTOR_ENROL_PATH, SECOND_FACTOR_PATH, secondFactorQueryKey, type Enrolment, type SecondFactorStatus } from '@/lib/contracts/second-factor';
import { formatDateTime } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { ErrorState, TableSkeleton } from '@/components/ui/states';
import { button, input, notice } from '@/components/exit-wizard/styles';
import { PasskeysCard } from './passkeys-card';

/**
 * Settings → Security: whether this session has a recent proof, this user's passkeys (the primary factor) and
 * authenticator app (the fallback).
 */
export function SecondFactorPanel() {
  const status = useQuery({ queryKey: secondFactorQueryKey, queryFn: () => apiFetch<SecondFactorStatus>(SECOND_FACTOR_PATH) });
  if (status.isPending) return <TableSkeleton rows={3} />;
  if (status.isError) return <ErrorState message={status.error.message} onRetry={() => status.refetch()} />;
  const { enrolled, totpEnrolled, freshUntil } = status.data;
  return (
    <div className="space-y-4">
      {enrolled ? (
        <p className={notice.ok}>✓ A second factor is set up. Creating, re-whitelisting or deleting special keys, repaying, the exit and changing connections ask for it when the last proof is older than 5 minutes.</p>
      ) : (
        <p className={notice.warn}>No second factor is set up: actions on the exchange and the connections are refused until you add a passkey or an authenticator app.</p>
      )}
      <p className="text-sm" data-testid="step-up-fresh">
        {freshUntil ? `This session is confirmed until ${formatDateTime(freshUntil)}.` : 'This session has no recent proof: the next such action asks for one.'}
      </p>
      <PasskeysCard status={status.data} />
      <Card title="Authenticator app (fallback)">
        <div className="space-y-3 text-sm" data-testid="second-factor">
          {totpEnrolled ? (
            <p>✓ An authenticator is set up: its 6-digit code works wherever a passkey is asked for.</p>
          ) : (
            <p>No authenticator is set up. A code from an authenticator app is the fallback when no passkey is at hand.</p>
          )}
          {!totpEnrolled && <Enrol />}
        </div>
      </Card>
    </div>
  );
}

function Enrol() {
  const queryClient = useQueryClient();
  const start = useMutation({ mutationFn: () => apiFetch<Enrolment>(SECOND_FACTOR_ENROL_PATH, { method: 'POST', body: '{}' }) });
  const confirm = useMutation({
    mutationFn: (code: string) => apiFetch<SecondFactorStatus>(SECOND_FACTOR_PATH, { method: 'POST', body: JSON.stringify({ code }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: secondFactorQueryKey }),
  });
  const [code, setCode] = useState('');
  if (!start.data) {
    return (
      <div>
        <button type="button" className={button.primary} disabled={start.isPending} onClick={() => start.mutate()}>Set up an authenticator</button>
        {start.isError && <p role="alert" className="mt-2 font-medium text-red-700">⚠ {start.error.message}</p>}
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
      {confirm.isError && <p role="alert" className="font-medium text-red-700">⚠ {confirm.error.message}</p>}
    </form>
  );
}
