import type { KeyStatus } from '@/lib/exit';
import type { ExitRunAccountView } from '@/lib/contracts/exit';
import { BusyIcon, ClockIcon, NoIcon, OkIcon, WarnIcon } from '@/components/ui/icons';
import { countOf } from '@/lib/format';

const KEY_LABEL: Record<KeyStatus, [typeof OkIcon, string]> = { pending: [ClockIcon, 'waiting'], deleting: [BusyIcon, 'deleting'], deleted: [OkIcon, 'deleted'], failed: [NoIcon, 'failed'] };
const KEY_TONE: Record<KeyStatus, string> = { pending: 'text-slate-500', deleting: 'text-sky-700 dark:text-sky-400', deleted: 'text-emerald-700 dark:text-emerald-400', failed: 'font-semibold text-red-700 dark:text-red-400' };

function KeyMark({ status }: { status: KeyStatus }) {
  const Icon = KEY_LABEL[status][0];
  return <Icon />;
}

/** Step 1 for one account: each special key with its state and, on failure, the exchange's own message. */
export function KeyProgress({ account }: { account: ExitRunAccountView }) {
  const deleted = account.keys.filter((k) => k.status === 'deleted').length;
  return (
    <div className="py-3" data-testid={`keys-${account.email}`}>
      <p className="text-sm">
        <span className="font-semibold">{account.email}</span>
        <span className="num ml-2 text-slate-600 dark:text-slate-400">
          {deleted} of {countOf(account.keys.length, 'special key')} deleted
        </span>
        {account.stage !== 'selected' && account.stage !== 'deleting' && <span className="ml-2 font-medium">· list re-read: empty</span>}
      </p>
      {account.reason && account.stage === 'deleting' && <p className="text-sm text-amber-800 dark:text-amber-300"><WarnIcon />{account.reason}</p>}
      <ul className="mt-1 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
        {account.keys.map((k) => (
          <li key={`${k.name}-${k.keyTail}`}>
            <span className="font-mono text-xs">{k.name ?? 'unnamed'} ···{k.keyTail}</span>
            {k.symbol && <span className="ml-1 text-xs text-slate-500">({k.symbol})</span>}
            <span className={`ml-2 ${KEY_TONE[k.status]}`}><KeyMark status={k.status} />{KEY_LABEL[k.status][1]}</span>
            {k.error && <span className="block text-xs text-red-700 dark:text-red-400">{k.error}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
