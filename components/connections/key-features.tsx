import { keyFeatures } from '@/lib/keys/features';
import type { ConnectionView } from '@/lib/contracts/connections';
import { NoIcon, OkIcon } from '@/components/ui/icons';

/**
 * The connection check, per feature: what this key unlocks on the exchange and, where it does not, which
 * permission to enable (from the flags GET /sapi/v1/account/apiRestrictions reported when it was checked).
 */
export function KeyFeatureList({ connection }: { connection: ConnectionView }) {
  const p = connection.permissions;
  if (!p) return null;
  const features = keyFeatures(p, connection.kind);
  return (
    <ul className="space-y-1 text-xs" aria-label="What this key unlocks" data-testid="key-features">
      {features.map((f) => (
        <li key={f.id} className="flex flex-wrap items-baseline gap-x-1.5" data-feature={f.id} data-unlocked={f.unlocked}>
          <span aria-hidden className={f.unlocked ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400'}>{f.unlocked ? <OkIcon /> : <NoIcon />}</span>
          <span className="font-medium">{f.label}</span>
          <span className="text-slate-500 dark:text-slate-400">({f.uses})</span>
          {!f.unlocked && <span className="text-amber-800 dark:text-amber-300">needs {f.missing.join(' and ')}</span>}
          {f.unlocked && f.advice && <span className="text-slate-600 dark:text-slate-400">{f.advice}</span>}
        </li>
      ))}
    </ul>
  );
}
