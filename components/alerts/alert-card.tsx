'use client';

import Link from 'next/link';
import type { AlertView } from '@/lib/contracts/alerts';
import { formatDateTime } from '@/lib/format';
import { AckForm } from './ack-form';
import { figureLabel, figureValue } from './figures';
import { AccountName } from '@/components/labels/account-name';
import { ClockIcon, OkIcon, PauseIcon, WarnIcon } from '@/components/ui/icons';

const TONE = {
  fire: 'border-l-amber-500',
  escalate: 'border-l-red-600',
  test: 'border-l-slate-400',
} as const;

/** Where an alert went, with its state's mark: sent, held for the quiet-hours digest, or still being tried. */
function deliveryText(d: AlertView['deliveries'][number]) {
  if (d.status === 'held') return <><PauseIcon />{d.channel} (quiet hours: in the digest at {d.heldUntil ? formatDateTime(d.heldUntil) : 'the window’s end'})</>;
  const via = d.inDigest ? ', in the digest' : '';
  if (d.status === 'sent') return <><OkIcon />{d.channel}{d.inDigest ? ' (in the digest)' : ''}</>;
  return <><ClockIcon />{d.channel} (try {d.attempts + 1}{via}{d.lastError ? `: ${d.lastError}` : ''})</>;
}

/** One alert: what crossed which rule, the figures that triggered it, where it went, and its acknowledgement. */
export function AlertCard({ alert, canAck }: { alert: AlertView; canAck: boolean }) {
  // 'estimate' is already said by the projected loan's own label.
  const figures = Object.entries(alert.figures).filter(([k, v]) => v !== null && k !== 'estimate');
  return (
    <li className={`rounded-lg border border-l-4 border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${TONE[alert.transition]}`} data-testid="alert">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <p className="min-w-0 break-words font-medium">
          {alert.transition === 'escalate' && <span className="mr-1.5 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800 dark:bg-red-950 dark:text-red-200"><WarnIcon />Worse</span>}
          {alert.title}
        </p>
        <time className="num shrink-0 text-xs text-slate-500" dateTime={alert.raisedAt}>{formatDateTime(alert.raisedAt)}</time>
      </div>
      <p className="mt-1 text-xs text-slate-500">{alert.kindLabel} · rule: {alert.condition}</p>
      {figures.length > 0 && (
        <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {figures.map(([k, v]) => (
            <div key={k} className="flex gap-1">
              <dt className="text-slate-500">{figureLabel(k)}</dt>
              <dd className="num font-medium">{figureValue(k, v!)}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        <Link href={alert.link} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
          {alert.account ? <>Open <AccountName email={alert.account} inline /> →</> : 'Desk-level alert'}
        </Link>
        {alert.deliveries.map((d) => (
          <span key={d.channel} data-delivery={d.status} className={d.status === 'sent' ? 'text-emerald-700 dark:text-emerald-400' : d.status === 'held' ? 'text-slate-600 dark:text-slate-400' : 'text-amber-700 dark:text-amber-300'} title={d.lastError ?? undefined}>
            {deliveryText(d)}
          </span>
        ))}
      </div>
      {alert.acknowledged ? (
        <p className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200" data-testid="ack-note">
          <OkIcon />Acknowledged by {alert.acknowledged.by} · {formatDateTime(alert.acknowledged.at)}: {alert.acknowledged.note}
        </p>
      ) : (
        canAck && <AckForm id={alert.id} />
      )}
    </li>
  );
}
