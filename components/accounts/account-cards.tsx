'use client';

import type { Table } from '@tanstack/react-table';
import type { AccountColumns } from './columns';
import type { AccountRow } from '@/lib/contracts/accounts';

/**
 * The accounts table as a list of cards on a phone: the same cells as the table's columns (one source for
 * what each figure says), each under its column's name, two to a line, nothing scrolling sideways.
 */
export function AccountCards({ table, specs, now }: { table: Table<AccountRow>; specs: AccountColumns['specs']; now: Date }) {
  const [account, ...rest] = specs.filter((s) => s.width !== '0');
  return (
    <ul className="space-y-3" aria-label="Accounts">
      {table.getRowModel().rows.map(({ original: r }) => (
        <li key={r.email} data-testid="account-card" className="num rounded-xl border border-slate-200 bg-white p-3 text-[13px] shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <div className="mb-2 [&_a]:break-all [&_a]:whitespace-normal [&_.truncate]:whitespace-normal">{account!.cell(r, now)}</div>
          <dl className="grid grid-cols-2 gap-x-3 gap-y-2">
            {rest.map((s) => (
              <div key={s.id} className="min-w-0">
                <dt className="text-xs text-slate-500 dark:text-slate-400">{s.header}</dt>
                <dd className="mt-0.5 [&>span]:items-start">{s.cell(r, now)}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
