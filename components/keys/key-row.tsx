import { formatAge, formatDate, formatDateTime } from '@/lib/format';
import { FlagBadge } from './flag-badge';
import type { InventoryKey } from '@/lib/contracts/keys';

const KIND: Record<InventoryKey['kind'], string> = { normal: 'Normal', special: 'Margin Special', unclassified: 'Unknown kind' };
const SOURCE: Record<InventoryKey['sources'][number], string> = { stored: 'stored here', listed: 'exchange', history: 'our history' };
const cell = 'px-2 py-2 align-top break-words';

function ipText(k: InventoryKey): string {
  if (k.ipList === null) return 'unknown';
  if (k.ipList.length === 0) return 'none (unrestricted)';
  return k.ipList.join(', ');
}

function seen(k: InventoryKey, now: Date) {
  if (k.deletedAt) return <span title={formatDateTime(k.deletedAt)}>deleted {formatDate(k.deletedAt)}</span>;
  if (k.lastSeenAt) return <span title={formatDateTime(k.lastSeenAt)}>seen {formatAge(k.lastSeenAt, now)} ago</span>;
  return null;
}

export function KeyRow({ k, now, actions }: { k: InventoryKey; now: Date; actions: React.ReactNode }) {
  const deleted = k.deletedAt !== null;
  return (
    <tr data-testid="key-row" data-kind={k.kind} className={`border-t border-slate-100 dark:border-slate-800 ${deleted ? 'text-slate-500 dark:text-slate-400' : ''}`}>
      <td className={`${cell} font-medium`}>{k.name ?? '—'}</td>
      <td className={`${cell} num font-mono text-xs`}>{k.maskedKey}</td>
      <td className={cell}>
        {KIND[k.kind]}
        <span className="block text-xs text-slate-500 dark:text-slate-400">
          {/* No signature shown where only the exchange's list knows the key: it does not say. */}
          {[k.kind === 'special' ? (k.symbol ? `isolated ${k.symbol}` : 'cross') : null, k.signature].filter(Boolean).join(' · ')}
        </span>
      </td>
      <td className={`${cell} text-xs`}>{k.permissions.length ? k.permissions.join(', ') : '—'}</td>
      <td className={`${cell} text-xs`}>{ipText(k)}</td>
      <td className={`${cell} text-xs`}>{k.sources.map((s) => SOURCE[s]).join(' + ')}</td>
      <td className={`${cell} num text-xs`}>
        {k.createdAt ? <span title="created (exchange)">{formatDate(k.createdAt)}</span> : k.firstSeenAt ? <span title="first seen">first seen {formatDate(k.firstSeenAt)}</span> : '—'}
        {k.idleDays !== null && <span className="block text-slate-500 dark:text-slate-400">{k.idleDays.toLocaleString('en-US')} d unchanged</span>}
        <span className="block">{seen(k, now)}</span>
      </td>
      <td className={cell}>
        <div className="flex flex-wrap gap-1">{k.flags.map((f) => <FlagBadge key={f} flag={f} />)}</div>
      </td>
      <td className={`${cell} text-right`}>{actions}</td>
    </tr>
  );
}
