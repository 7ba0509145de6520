'use client';

import { formatShock } from '@/lib/format';
import { MODE_LABEL, STATUS_LABEL } from '@/lib/risk-labels';
import { ACCOUNT_STATUSES } from '@/lib/risk';
import type { AccountFilters } from './filters';
import { fieldLabel, input } from '@/components/ui/controls';

// The status filter names a status in two words ("Liquidated (loan)"): a select is as wide as its longest option.
// Full width in the phone's two-column grid (a long status name must not push the page sideways), natural width above.
const field = `${input} w-full min-w-0`;
const fieldAtOwnWidth = `${field} sm:w-auto`;

export function Toolbar({
  filters,
  onChange,
  shocks,
  onShocks,
}: {
  filters: AccountFilters;
  onChange: (patch: Partial<AccountFilters>) => void;
  shocks: { a: number; b: number; grid: number[] };
  onShocks: (a: number, b: number) => void;
}) {
  const down = shocks.grid.filter((s) => s !== 0);
  return (
    <form className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap" onSubmit={(e) => e.preventDefault()} aria-label="Account filters">
      <label className={`${fieldLabel} col-span-2`}>
        Search
        <input type="search" className={`${field} sm:w-44`} value={filters.search} placeholder="label or email…" onChange={(e) => onChange({ search: e.target.value })} />
      </label>
      <label className={fieldLabel}>
        Mode
        <select className={fieldAtOwnWidth} value={filters.mode} onChange={(e) => onChange({ mode: e.target.value })}>
          <option value="">All modes</option>
          {Object.entries(MODE_LABEL).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </select>
      </label>
      <label className={fieldLabel}>
        Binding
        <select className={fieldAtOwnWidth} value={filters.bound} onChange={(e) => onChange({ bound: e.target.value as AccountFilters['bound'] })}>
          <option value="">All</option>
          <option value="bound">Bound</option>
          <option value="not-bound">Not bound</option>
          <option value="unknown">Unknown</option>
        </select>
      </label>
      <label className={fieldLabel}>
        Status
        <select className={fieldAtOwnWidth} value={filters.status} onChange={(e) => onChange({ status: e.target.value })}>
          <option value="">All statuses</option>
          {ACCOUNT_STATUSES.map((k) => (
            <option key={k} value={k}>{STATUS_LABEL[k].label.replace(' — loan outstanding', ' (loan)')}</option>
          ))}
        </select>
      </label>
      <label className={fieldLabel}>
        Data
        <select className={fieldAtOwnWidth} value={filters.stale} onChange={(e) => onChange({ stale: e.target.value as AccountFilters['stale'] })}>
          <option value="">All</option>
          <option value="stale">Stale only</option>
          <option value="fresh">Fresh only</option>
        </select>
      </label>
      <label className={fieldLabel}>
        Review
        <select className={fieldAtOwnWidth} value={filters.review} onChange={(e) => onChange({ review: e.target.value as AccountFilters['review'] })}>
          <option value="">All</option>
          <option value="due">Due for review</option>
        </select>
      </label>
      <label className={fieldLabel}>
        Shock A
        <select className={fieldAtOwnWidth} value={shocks.a} onChange={(e) => onShocks(Number(e.target.value), shocks.b)}>
          {down.map((s) => (
            <option key={s} value={s}>{formatShock(s)}</option>
          ))}
        </select>
      </label>
      <label className={fieldLabel}>
        Shock B
        <select className={fieldAtOwnWidth} value={shocks.b} onChange={(e) => onShocks(shocks.a, Number(e.target.value))}>
          {down.map((s) => (
            <option key={s} value={s}>{formatShock(s)}</option>
          ))}
        </select>
      </label>
    </form>
  );
}
