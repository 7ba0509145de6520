'use client';

import { useState } from 'react';
import { apiFetch } from '@/lib/api-client';
import type { RuleView } from '@/lib/contracts/alerts';
import { ErrorState, TableSkeleton } from '@/components/ui/states';
import { RuleForm } from './rule-form';
import { useAlertsWrite, useRules } from './use-alerts';
import { WarnIcon } from '@/components/ui/icons';
import { button } from '@/components/ui/controls';

function scopeText(r: RuleView, level: 'account' | 'master'): string {
  // A master-level rule (a total, the refresh, an exit run) watches the desk as a whole, whatever its scope says.
  if (level === 'master') return 'the whole desk';
  if (r.scope.kind === 'account') return r.scope.email.split('@')[0]!;
  if (r.scope.kind === 'label') return `label “${r.scope.label}”`;
  return 'every account';
}

/** The rules in force: the defaults (as edited) and the owner's own. Owners edit; ops read. */
export function RulesPanel({ canEdit }: { canEdit: boolean }) {
  const rules = useRules();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const reset = useAlertsWrite((id: string) => apiFetch(`/api/alerts/rules/${id}`, { method: 'DELETE' }));
  if (rules.isPending) return <TableSkeleton rows={6} />;
  if (rules.isError) return <ErrorState message={rules.error.message} onRetry={() => rules.refetch()} />;
  const meta = rules.data;
  return (
    <div className="space-y-3">
      {canEdit && editing === null && (
        <button type="button" onClick={() => setEditing('new')} className={button.primary}>
          Add a rule
        </button>
      )}
      {editing === 'new' && <RuleForm rule={null} meta={meta} onDone={() => setEditing(null)} />}
      <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="alert-rules">
        {meta.rules.map((r) => (
          <li key={r.id} className="py-3">
            {editing === r.id ? (
              <RuleForm rule={r} meta={meta} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1 basis-60">
                  <p className={`text-sm font-medium ${r.enabled ? '' : 'text-slate-400 line-through'}`}>{r.kindLabel}</p>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    When {r.condition}, on {scopeText(r, meta.kinds.find((k) => k.kind === r.kind)?.level ?? 'account')}
                    {r.escalationStep ? `; again per further ${r.escalationStep}` : ''}
                    {Number(r.rearmMargin) > 0 ? `; re-arms once back by ${r.rearmMargin}` : '; re-arms once cleared'}.
                  </p>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {r.isDefault ? (r.edited ? 'Default, edited' : 'Default') : 'Added by an owner'}{r.enabled ? '' : ' · disabled'}
                  </p>
                </div>
                {canEdit && (
                  <div className="flex shrink-0 gap-2">
                    <button type="button" onClick={() => setEditing(r.id)} className={button.small}>Edit</button>
                    {(!r.isDefault || r.edited) && (
                      <button type="button" onClick={() => reset.mutate(r.id)} className={button.small}>
                        {r.isDefault ? 'Reset' : 'Delete'}
                      </button>
                    )}
                  </div>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {reset.isError && <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400"><WarnIcon />{reset.error.message}</p>}
    </div>
  );
}
