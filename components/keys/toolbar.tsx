'use client';

import { FLAG_INFO, FLAG_ORDER } from '@/lib/keys/flags';
import { fieldLabel, input } from '@/components/ui/controls';
import type { KeyFilters } from './filters';
import type { KeyFlag } from '@/lib/contracts/keys';

export function KeysToolbar({ filters, onChange }: { filters: KeyFilters; onChange: (patch: Partial<KeyFilters>) => void }) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className={fieldLabel}>
        Flag
        <select className={`${input} w-full`} value={filters.flag} onChange={(e) => onChange({ flag: e.target.value as KeyFlag | 'any' | 'all' })}>
          <option value="all">All keys</option>
          <option value="any">Any flag</option>
          {FLAG_ORDER.map((f) => <option key={f} value={f}>{FLAG_INFO[f].label}</option>)}
        </select>
      </label>
      <label className={fieldLabel}>
        Kind
        <select className={`${input} w-full`} value={filters.kind} onChange={(e) => onChange({ kind: e.target.value as KeyFilters['kind'] })}>
          <option value="all">Normal and special</option>
          <option value="special">Margin Special only</option>
          <option value="normal">Normal only</option>
        </select>
      </label>
      <label className={`${fieldLabel} min-w-56`}>
        Search
        <input className={`${input} w-full`} type="search" placeholder="account, name, last 4" value={filters.search} onChange={(e) => onChange({ search: e.target.value })} />
      </label>
      <label className="flex items-center gap-2 pb-1.5 text-sm">
        <input type="checkbox" checked={filters.showDeleted} onChange={(e) => onChange({ showDeleted: e.target.checked })} />
        Show deleted special keys
      </label>
    </div>
  );
}
