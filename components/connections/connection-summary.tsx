import { formatDateTime } from '@/lib/format';
import { KeyFeatureList } from './key-features';
import { PermissionBadges } from './permission-badges';
import type { ConnectionView } from '@/lib/contracts/connections';

const SIGNER: Record<ConnectionView['signerType'], string> = { HMAC: 'HMAC', ED25519: 'Ed25519', RSA: 'RSA' };

/** One stored key as people see it: never more than its last 4 characters. */
/** `nested`: inside a sub-account row, which already names the account and its kind. */
export function ConnectionSummary({ connection, nested = false }: { connection: ConnectionView; nested?: boolean }) {
  const c = connection;
  const showName = !nested || c.name !== c.accountEmail;
  return (
    <div className="min-w-0 space-y-2">
      {showName && (
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-semibold">{c.name}</span>
          {!nested && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-300">{c.kind === 'master' ? 'Master' : 'Sub-account'}</span>}
        </div>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {!nested && (
          <>
            <dt className="text-slate-500">Base URL</dt>
            <dd className="truncate font-mono text-xs leading-5" title={c.baseUrl}>{c.baseUrl}</dd>
          </>
        )}
        <dt className="text-slate-500">Key</dt>
        <dd className="font-mono text-xs leading-5" data-testid="masked-key">{c.maskedKey} · {SIGNER[c.signerType]}</dd>
        <dt className="text-slate-500">Added</dt>
        <dd className="text-xs leading-5">
          {c.createdBy ? `${c.createdBy.name} · ` : ''}
          <span className="num">{formatDateTime(c.createdAt)}</span>
          {c.updatedAt !== c.createdAt && <span className="text-slate-500"> · secret replaced <span className="num">{formatDateTime(c.updatedAt)}</span></span>}
        </dd>
        <dt className="text-slate-500">Checked</dt>
        <dd className="text-xs leading-5">
          {c.permissions?.verifiedAt ? <span className="num">{formatDateTime(c.permissions.verifiedAt)}</span> : <span className="text-slate-500">not checked live (stored without a check)</span>}
        </dd>
      </dl>
      <PermissionBadges permissions={c.permissions} />
      <KeyFeatureList connection={c} />
    </div>
  );
}
