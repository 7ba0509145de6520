'use client';

import { useDeskLabels } from './use-desk-labels';

/**
 * A sub-account as people name it: the desk label an owner gave it first ("BTC/ETH basis desk"), the email
 * second and smaller; just the email when it has no label. Both wrap rather than clip.
 */
export function AccountName({ email, emailClassName = '', inline = false }: { email: string; emailClassName?: string; inline?: boolean }) {
  const label = useDeskLabels()[email]?.label;
  // Inside a sentence: the label alone, the email on hover and for screen readers.
  if (inline) return label ? <span className="relative" title={email} data-testid="desk-label" data-email={email}>{label}<span className="sr-only"> ({email})</span></span> : <>{email}</>;
  if (!label) return <span className={`wrap-anywhere ${emailClassName}`}>{email}</span>;
  return (
    <span className="inline-flex min-w-0 flex-col" data-testid="desk-label" data-email={email}>
      <span className="wrap-anywhere">{label}</span>
      <span className="text-xs font-normal wrap-anywhere text-slate-600 dark:text-slate-400">{email}</span>
    </span>
  );
}
