import { formatAge, formatDateTime } from '@/lib/format';
import { BindingVerdict } from '@/components/accounts/binding-verdict';
import { FlagBadge } from './flag-badge';
import { KeyRow } from './key-row';
import { QuotaMeter } from './quota-meter';
import type { InventoryAccount, InventoryKey } from '@/lib/contracts/keys';
import { AccountName } from '@/components/labels/account-name';
import { OkIcon } from '@/components/ui/icons';

const MODE: Record<string, string> = {
  CROSS_CLASSIC: 'Cross Margin Classic',
  CROSS_PRO: 'Cross Margin Pro (sunset)',
  PM_PRO: 'Portfolio Margin Pro',
  UNKNOWN: 'mode unknown',
};
// Fixed widths (px) so every account's table lines up and fits the page without scrolling sideways.
const COLUMNS: [string, number][] = [['Name', 120], ['Key', 76], ['Kind · signature', 118], ['Permissions', 118], ['IP whitelist', 112], ['Known from', 82], ['Created · seen', 112], ['Flags', 128], ['', 96]];

export interface KeyActionsProps {
  onCreate?: (account: InventoryAccount) => void;
  onEditIp?: (account: InventoryAccount, key: InventoryKey) => void;
  onDelete?: (account: InventoryAccount, key: InventoryKey) => void;
}

export function AccountGroup({ account, keys, now, actions }: { account: InventoryAccount; keys: InventoryKey[]; now: Date; actions: KeyActionsProps }) {
  const cooling = account.exit && Date.parse(account.exit.cooldownEndsAt) > now.getTime();
  const small = 'rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800';
  return (
    <section data-testid="key-account" data-account={account.email} className="rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-4 py-3 dark:border-slate-800">
        <div className="min-w-0 space-y-1">
          <h2 className="font-semibold">
            <AccountName email={account.email} />
            <span className="ml-2 text-xs font-normal text-slate-500 dark:text-slate-400">{account.isMaster ? 'master' : MODE[account.mode ?? 'UNKNOWN'] ?? account.mode}</span>
          </h2>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
            <QuotaMeter quota={account.quota} />
            <span>
              {account.isMaster
                ? 'Master: only the keys stored here are known'
                : account.keyListReadAt
                  ? <span title={formatDateTime(account.keyListReadAt)}>exchange key list read {formatAge(account.keyListReadAt, now)} ago (at most hourly)</span>
                  : 'exchange key list not read yet'}
            </span>
            {!account.isMaster && !account.specialKeysKnown && (
              <span className="font-medium text-amber-800 dark:text-amber-300">
                {account.keys.some((k) => k.sources.includes('stored'))
                  ? 'stored key can only read: special keys unknown (listing them needs Spot & Margin trading)'
                  : 'no normal key stored: special keys unknown'}
              </span>
            )}
            {account.exit && (
              <span className="font-medium" title={formatDateTime(account.exit.confirmedAt)}>
                <OkIcon />exited {formatAge(account.exit.confirmedAt, now)} ago{cooling ? `, no new special key until ${formatDateTime(account.exit.cooldownEndsAt)}` : ''}
              </span>
            )}
          </div>
          {account.flags.length > 0 && <div className="flex flex-wrap gap-1 pt-1">{account.flags.map((f) => <FlagBadge key={f} flag={f} />)}</div>}
          {/* The same verdict, reason and evidence as the account page and the exit wizard (docs/domain.md#binding). */}
          {account.binding && <div className="pt-1.5"><BindingVerdict binding={account.binding} account={account.email} compact /></div>}
        </div>
        {actions.onCreate && !account.isMaster && (
          <button type="button" className={small} onClick={() => actions.onCreate!(account)}>
            Create special key
          </button>
        )}
      </header>
      {keys.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500 dark:text-slate-400">No key matches the filter on this account.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full table-fixed text-left text-sm">
            <colgroup>{COLUMNS.map(([h, w]) => <col key={h} style={{ width: w }} />)}</colgroup>
            <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
              <tr>{COLUMNS.map(([h]) => <th key={h} scope="col" className="px-2 py-2 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <KeyRow
                  key={k.id}
                  k={k}
                  now={now}
                  actions={
                    k.kind === 'special' && k.deletedAt === null && actions.onEditIp && actions.onDelete ? (
                      <span className="flex flex-col items-end gap-1">
                        <button type="button" className={small} onClick={() => actions.onEditIp!(account, k)}>Edit IPs</button>
                        <button type="button" className={`${small} text-red-700 dark:text-red-300`} onClick={() => actions.onDelete!(account, k)}>Delete</button>
                      </span>
                    ) : null
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
