import Link from 'next/link';
import { accountPath } from '@/lib/contracts/accounts';
import { Card } from '@/components/ui/card';
import { formatCrossing } from '@/lib/format-chart';
import type { NearestAccount } from '@/lib/contracts/overview';
import { RULE_LABEL, statusLabel } from '@/lib/risk-labels';
import { TONE_BAR, TONE_TEXT, type Tone } from './tone';
import { AccountName } from '@/components/labels/account-name';
import { StatusIcon, WarnIcon } from '@/components/ui/icons';

/** Moves beyond this are shown as "far": the deficit curve's own range. */
const FAR = 0.6;

function closeness(distance: number): { tone: Tone; word: string } {
  if (distance === 0) return { tone: 'danger', word: 'Past the bar now' };
  if (distance < 0.1) return { tone: 'danger', word: 'Very close' };
  if (distance < 0.25) return { tone: 'warn', word: 'Close' };
  return { tone: 'ok', word: 'Some room' };
}

/** The accounts a smaller price move liquidates first, with a bar that fills as they get closer. */
export function NearestList({ nearest }: { nearest: NearestAccount[] }) {
  return (
    <Card title="Nearest to liquidation">
      {nearest.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No account with debt can be liquidated by a uniform price move.</p>
      ) : (
        <ol className="space-y-3">
          {nearest.map((n) => {
            const c = closeness(n.distance);
            const status = statusLabel(n.status);
            const fill = Math.max(0.03, 1 - Math.min(n.distance, FAR) / FAR);
            return (
              <li key={`${n.email}:${n.pair ?? ''}`} data-testid="nearest-row">
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <Link href={accountPath(n.email)} className="min-w-0 font-medium wrap-anywhere hover:underline" title={n.pair ? `${n.email}, isolated ${n.pair}` : n.email}>
                    <AccountName email={n.email} />
                    {n.pair && <span className="ml-1.5 text-xs font-normal text-slate-500 dark:text-slate-400">isolated {n.pair}</span>}
                  </Link>
                  <span className={`shrink-0 text-xs font-semibold ${TONE_TEXT[c.tone]}`}>
                    <StatusIcon symbol={c.tone === 'ok' ? '●' : c.tone === 'warn' ? '▲' : '✖'} />{c.word}
                  </span>
                </div>
                <div className="mt-1 h-2 w-full overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" role="meter" aria-valuemin={0} aria-valuemax={1} aria-valuenow={fill} aria-label={`How close ${n.pair ? `${n.email} ${n.pair}` : n.email} is to liquidation`}>
                  <div className={`h-full rounded-full ${TONE_BAR[c.tone]}`} style={{ width: `${fill * 100}%` }} />
                </div>
                <p className="mt-1 flex flex-wrap justify-between gap-x-3 text-xs text-slate-500 dark:text-slate-400">
                  <span className="num">
                    {n.distance === 0 ? 'At or past its liquidation bar' : `Liquidated by ${formatCrossing(n.liquidation.shock, n.liquidation.direction)}`}
                    {' · '}
                    <span className={TONE_TEXT[status.tone]}><StatusIcon symbol={status.icon} />{status.label}</span>
                  </span>
                  <span>{n.bound === true ? <WarnIcon /> : n.bound === null ? '? ' : ''}{n.rule ? RULE_LABEL[n.rule] : 'Rule unknown'}</span>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
