'use client';

import { Plus, X } from 'lucide-react';
import { SCENARIO_NAME_MAX_LENGTH, WORST_MOVE_WINDOWS } from '@/lib/contracts/scenarios';
import type { ScenarioDraft } from '@/lib/scenarios/draft';
import { button, fieldLabel, input } from '@/components/ui/controls';

type Props = {
  draft: ScenarioDraft;
  onChange(d: ScenarioDraft): void;
  /** Every asset the shown refresh holds or owes: the named rows offer them. */
  assets: string[];
  canSave: boolean;
  running: boolean;
  saving: boolean;
  readingMoves: boolean;
  onRun(): void;
  onSave(): void;
  onWorstMoves(window: (typeof WORST_MOVE_WINDOWS)[number]): void;
};

const WINDOW_LABEL = { '1d': 'past day', '7d': 'past 7 days', '30d': 'past 30 days' } as const;

/** Per-asset shocks in percent: named assets, every other volatile asset, stablecoins. */
export function ScenarioForm({ draft, onChange, assets, canSave, running, saving, readingMoves, onRun, onSave, onWorstMoves }: Props) {
  const setRow = (i: number, row: Partial<ScenarioDraft['rows'][number]>) => onChange({ ...draft, rows: draft.rows.map((r, j) => (j === i ? { ...r, ...row } : r)) });
  return (
    <form
      aria-label="Scenario"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-700 dark:text-slate-200">Named assets</legend>
        <datalist id="scenario-assets">
          {assets.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        {draft.rows.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">No asset named: every volatile asset takes the shock below.</p>}
        {draft.rows.map((r, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2" data-testid="scenario-row">
            <label className={fieldLabel}>
              Asset
              <input className={`${input} w-28 uppercase`} list="scenario-assets" value={r.asset} maxLength={20} onChange={(e) => setRow(i, { asset: e.target.value.toUpperCase() })} />
            </label>
            <label className={fieldLabel}>
              {`Move of ${r.asset || 'this asset'} (%)`}
              <input className={`${input} w-28 num`} inputMode="decimal" value={r.percent} onChange={(e) => setRow(i, { percent: e.target.value })} />
            </label>
            <button type="button" className={button.quiet} aria-label={`Remove ${r.asset || 'this row'}`} onClick={() => onChange({ ...draft, rows: draft.rows.filter((_, j) => j !== i) })}>
              <X className="h-4 w-4" aria-hidden />
            </button>
          </div>
        ))}
        <button type="button" className={`${button.quiet} inline-flex items-center gap-1`} onClick={() => onChange({ ...draft, rows: [...draft.rows, { asset: '', percent: '' }] })}>
          <Plus className="h-4 w-4" aria-hidden /> Add an asset
        </button>
      </fieldset>

      <div className="flex flex-wrap gap-4">
        <label className={fieldLabel}>
          Every other volatile asset (%)
          <input className={`${input} w-28 num`} inputMode="decimal" value={draft.alts} onChange={(e) => onChange({ ...draft, alts: e.target.value })} />
        </label>
        <label className={fieldLabel}>
          Stablecoins (%)
          <input className={`${input} w-28 num`} inputMode="decimal" value={draft.stables} onChange={(e) => onChange({ ...draft, stables: e.target.value })} />
        </label>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-400">Fill in each asset’s worst fall on the exchange over the</span>
        {WORST_MOVE_WINDOWS.map((w) => (
          <button key={w} type="button" className={button.quiet} disabled={readingMoves} onClick={() => onWorstMoves(w)}>
            {WINDOW_LABEL[w]}
          </button>
        ))}
      </div>

      <div className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <button type="submit" className={button.primary} disabled={running}>
          {running ? 'Running…' : 'Run scenario'}
        </button>
        {canSave && (
          <div className="flex flex-wrap items-end gap-2">
            <label className={fieldLabel}>
              Name
              <input className={`${input} w-56 max-w-full`} value={draft.name} maxLength={SCENARIO_NAME_MAX_LENGTH} placeholder="e.g. BTC crash, alts −60 %" onChange={(e) => onChange({ ...draft, name: e.target.value })} />
            </label>
            <button type="button" className={button.quiet} disabled={saving} onClick={onSave}>
              {saving ? 'Saving…' : 'Save scenario'}
            </button>
          </div>
        )}
      </div>
    </form>
  );
}
