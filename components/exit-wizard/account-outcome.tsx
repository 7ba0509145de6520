import type { AccountStage } from '@/lib/exit';
import type { ExitRunAccountView } from '@/lib/contracts/exit';
import { formatDateTime } from '@/lib/format';
import { AccountName } from '@/components/labels/account-name';
import { BusyIcon, ClockIcon, NoIcon, OkIcon, WarnIcon } from '@/components/ui/icons';

const OUTCOME: Record<AccountStage, { Icon: typeof WarnIcon; text: string; tone: string }> = {
  selected: { Icon: ClockIcon, text: 'waiting', tone: 'text-slate-500' },
  deleting: { Icon: WarnIcon, text: 'keys not all deleted: still bound', tone: 'text-red-700 dark:text-red-400' },
  keys_deleted: { Icon: WarnIcon, text: 'keys deleted, exit not called: STILL BOUND', tone: 'font-semibold text-red-700 dark:text-red-400' },
  exit_sending: { Icon: BusyIcon, text: 'exit sent, answer awaited: still bound', tone: 'text-sky-700 dark:text-sky-400' },
  exit_sent: { Icon: BusyIcon, text: 'exit answered, confirming by re-read: still bound', tone: 'text-sky-700 dark:text-sky-400' },
  confirmed: { Icon: OkIcon, text: 'Exited — confirmed by the exchange', tone: 'font-semibold text-emerald-700 dark:text-emerald-400' },
  failed: { Icon: NoIcon, text: 'Not exited: still bound', tone: 'font-semibold text-red-700 dark:text-red-400' },
};

/** Step 2 and the done screen: per account, exited or not, with the reason and the cooldown. */
export function AccountOutcome({ account }: { account: ExitRunAccountView }) {
  const o = OUTCOME[account.stage];
  return (
    <li className="py-3 text-sm" data-testid={`outcome-${account.email}`}>
      <p>
        <span className="font-semibold"><AccountName email={account.email} /></span>
        <span className={`ml-2 ${o.tone}`}><o.Icon />{o.text}</span>
      </p>
      {account.stage === 'confirmed' && account.confirmedAt && account.cooldownEndsAt && (
        <p className="text-slate-600 dark:text-slate-400">
          Confirmed {formatDateTime(account.confirmedAt)} (exchange time) · now under standard liquidation · new special keys blocked until{' '}
          <span className="num font-medium text-slate-900 dark:text-slate-100">{formatDateTime(account.cooldownEndsAt)}</span> (24 h cooldown)
        </p>
      )}
      {account.reason && account.stage !== 'confirmed' && <p className="text-slate-700 dark:text-slate-300">Reason: {account.reason}</p>}
    </li>
  );
}
