'use client';

import { useState } from 'react';
import { RANKED_STATUSES, type AlertRule, type ConditionKind } from '@/lib/alerts';
import { apiFetch } from '@/lib/api-client';
import type { RulesResponse } from '@/lib/contracts/alerts';
import { statusLabel } from '@/lib/risk/status';
import { useAlertsWrite } from './use-alerts';
import { WarnIcon } from '@/components/ui/icons';
import { button, input } from '@/components/ui/controls';

const UNIT: Partial<Record<ConditionKind, string>> = {
  liquidation_distance: '%', projected_loan: 'USD', projected_loan_total: 'USD', loan_outstanding: 'USD',
  keys_near_limit: 'keys', idle_special_key: 'keys', special_key_outside: 'keys', data_stale: 'min', refresh_failing: 'min', exit_half_done: 'min',
};

/** Add a rule, or edit one (a default too). The server validates; its message is shown as is. */
export function RuleForm({ rule, meta, onDone }: { rule: AlertRule | null; meta: RulesResponse; onDone: () => void }) {
  const [kind, setKind] = useState<ConditionKind>(rule?.kind ?? 'liquidation_distance');
  const [threshold, setThreshold] = useState(rule?.threshold ?? '10');
  const [shock, setShock] = useState(rule?.shockPercent ?? '-30');
  const [rearm, setRearm] = useState(rule?.rearmMargin ?? '0');
  const [step, setStep] = useState(rule?.escalationStep ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [scopeKind, setScopeKind] = useState(rule?.scope.kind ?? 'all');
  const [scopeValue, setScopeValue] = useState(rule?.scope.kind === 'account' ? rule.scope.email : rule?.scope.kind === 'label' ? rule.scope.label : '');
  const level = meta.kinds.find((k) => k.kind === kind)?.level ?? 'account';
  const needsShock = kind === 'projected_loan' || kind === 'projected_loan_total';

  const save = useAlertsWrite(async () => {
    const scope = level === 'master' || scopeKind === 'all' ? { kind: 'all' } : scopeKind === 'account' ? { kind: 'account', email: scopeValue } : { kind: 'label', label: scopeValue };
    const body = { kind, threshold, shockPercent: needsShock ? shock : null, rearmMargin: rearm || '0', escalationStep: step.trim() || null, enabled, scope };
    await apiFetch(rule ? `/api/alerts/rules/${rule.id}` : '/api/alerts/rules', { method: rule ? 'PUT' : 'POST', body: JSON.stringify(body) });
    onDone();
  });

  return (
    <form
      aria-label={rule ? `Edit rule ${rule.id}` : 'Add a rule'}
      className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-950"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined);
      }}
    >
      <label className="text-xs font-medium text-slate-600 sm:col-span-2 dark:text-slate-400">
        Condition
        <select className={`${input} w-full`} value={kind} disabled={rule !== null} onChange={(e) => {
          const k = e.target.value as ConditionKind;
          setKind(k);
          setThreshold(k === 'status_worsens' ? 'MARGIN_CALL' : '');
        }}>
          {meta.kinds.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Threshold {UNIT[kind] && `(${UNIT[kind]})`}
        {kind === 'status_worsens' ? (
          <select className={`${input} w-full`} value={threshold} onChange={(e) => setThreshold(e.target.value)}>
            {RANKED_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s).label} or worse</option>)}
          </select>
        ) : (
          <input className={`${input} w-full`} inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
        )}
      </label>
      {needsShock && (
        <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Shock (%, e.g. −30)
          <input className={`${input} w-full`} inputMode="decimal" value={shock} onChange={(e) => setShock(e.target.value)} />
        </label>
      )}
      <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Re-arm after clearing by
        <input className={`${input} w-full`} inputMode="decimal" value={rearm} onChange={(e) => setRearm(e.target.value)} />
      </label>
      <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
        Escalate every further (empty: never)
        <input className={`${input} w-full`} inputMode="decimal" value={step} onChange={(e) => setStep(e.target.value)} />
      </label>
      {level === 'account' && (
        <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Scope
          <select className={`${input} w-full`} value={scopeKind} onChange={(e) => { setScopeKind(e.target.value as typeof scopeKind); setScopeValue(''); }}>
            <option value="all">Every sub-account</option>
            <option value="account">One sub-account</option>
            <option value="label">A desk label</option>
          </select>
        </label>
      )}
      {level === 'account' && scopeKind === 'account' && (
        <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Sub-account
          <input className={`${input} w-full`} list="alert-rule-accounts" value={scopeValue} placeholder="desk-alpha@…" onChange={(e) => setScopeValue(e.target.value)} />
          <datalist id="alert-rule-accounts">{meta.accounts.map((a) => <option key={a} value={a} />)}</datalist>
        </label>
      )}
      {level === 'account' && scopeKind === 'label' && (
        <label className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Label
          <input className={`${input} w-full`} list="alert-rule-labels" value={scopeValue} onChange={(e) => setScopeValue(e.target.value)} />
          <datalist id="alert-rule-labels">{meta.labels.map((l) => <option key={l} value={l} />)}</datalist>
        </label>
      )}
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" disabled={save.isPending} className={button.primary}>
          {save.isPending ? 'Saving…' : 'Save rule'}
        </button>
        <button type="button" onClick={onDone} className={button.quiet}>Cancel</button>
        {save.isError && <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400"><WarnIcon />{save.error.message}</p>}
      </div>
    </form>
  );
}
