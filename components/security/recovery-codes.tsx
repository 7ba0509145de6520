'use client';

import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { RECOVERY_CODES_PATH, type WithRecoveryCodes } from '@/lib/contracts/second-factor';
import { Card } from '@/components/ui/card';
import { button, notice } from '@/components/ui/controls';
import { WarnIcon } from '@/components/ui/icons';

/**
 * Recovery codes (docs/security.md, "Recovery"): how many are left, a new set on request (after a recent proof,
 * which the step-up prompt asks for), and a set shown once right after it was made.
 */
export function RecoveryCard({ left, enrolled, onCodes }: { left: number; enrolled: boolean; onCodes: (codes: string[]) => void }) {
  const make = useMutation({
    mutationFn: () => apiFetch<Required<WithRecoveryCodes>>(RECOVERY_CODES_PATH, { method: 'POST', body: '{}' }),
    onSuccess: (answer) => onCodes(answer.recoveryCodes),
  });
  return (
    <Card title="Recovery codes">
      <div className="space-y-3 text-sm" data-testid="recovery-codes">
        <p>
          {left > 0
            ? `${left} of 10 one-time recovery codes unused. Each confirms one session if your passkey and authenticator app are lost; then set up a new one here.`
            : 'No unused recovery codes: if your passkey and authenticator app were lost, nothing else could confirm an action.'}
        </p>
        {enrolled && (
          <button type="button" className={button.quiet} disabled={make.isPending} onClick={() => make.mutate()}>
            {left > 0 ? 'Make a new set (the old one stops working)' : 'Make recovery codes'}
          </button>
        )}
        {make.isError && <p role="alert" className="font-medium text-red-700 dark:text-red-400"><WarnIcon />{make.error.message}</p>}
      </div>
    </Card>
  );
}

/** A set of codes, shown once: the server keeps only their hashes. */
export function RecoveryCodesShown({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <section className={notice.warn} aria-label="Your new recovery codes" data-testid="recovery-codes-shown">
      <p className="font-semibold">Save these 10 recovery codes now: they are shown only once.</p>
      <p className="mt-1">Each confirms one session if you lose your passkey and authenticator app. Keep them somewhere safe, away from this computer.</p>
      <ol className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 font-mono text-base sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <button type="button" className={`${button.primary} mt-3`} onClick={onDone}>I have saved them</button>
    </section>
  );
}
