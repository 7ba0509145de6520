import type { KeyPermissions } from '@/lib/contracts/connections';
import { WarnIcon } from '@/components/ui/icons';

const FLAGS: Array<[keyof KeyPermissions, string]> = [
  ['enableReading', 'Reading'],
  ['enableSpotAndMarginTrading', 'Spot & margin trading'],
  ['enableMargin', 'Margin loans'],
  ['enableFutures', 'Futures'],
  ['enableInternalTransfer', 'Internal transfer'],
  ['permitsUniversalTransfer', 'Universal transfer'],
];

const badge = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium';

/** The flags the exchange reported at the last check; risks (docs/domain.md#keys) stand out in red and amber. */
export function PermissionBadges({ permissions }: { permissions: KeyPermissions | null }) {
  if (!permissions) return <span className="text-xs text-slate-500">Not checked yet</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Key permissions">
      {permissions.enableWithdrawals && (
        <li className={`${badge} bg-red-100 font-semibold text-red-800 ring-1 ring-red-300 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-800`} title="A read-only dashboard never needs withdrawals: disable them on the exchange.">
          <WarnIcon />Withdrawals enabled
        </li>
      )}
      {permissions.ipRestrict === false && (
        <li className={`${badge} bg-amber-100 text-amber-900 ring-1 ring-amber-300 dark:bg-amber-950/60 dark:text-amber-200 dark:ring-amber-800`} title="No IP whitelist: restrict the key to this server's IP.">
          <WarnIcon />No IP whitelist
        </li>
      )}
      {permissions.ipRestrict === true && <li className={`${badge} bg-emerald-100 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200`}>IP restricted</li>}
      {FLAGS.filter(([flag]) => permissions[flag]).map(([flag, label]) => (
        <li key={flag} className={`${badge} bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200`}>
          {label}
        </li>
      ))}
    </ul>
  );
}
