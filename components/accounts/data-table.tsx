'use client';

import { flexRender, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ColumnLayout } from './columns';
import { useFitToMain } from './use-fit-to-main';
import type { AccountRow } from '@/lib/contracts/accounts';

// A row's usual height (three lines: the account and its mode, the review's two); taller rows are measured.
const ROW_HEIGHT = 64;

/** How long a row whose live figures changed stays highlighted. */
const FLASH_MS = 2_000;
// The account column stays in view while a narrow table scrolls sideways; its edge marks where the rest slides under.
// A shadow, not a border: a collapsed table border stays where the cell started.
const STICKY = 'sticky left-0 z-[1] shadow-[inset_-1px_0_0_#e2e8f0] dark:shadow-[inset_-1px_0_0_#1e293b]';

/**
 * The accounts table, virtualized: only the rows in view (plus a margin) are in the DOM, so 1,000+
 * sub-accounts scroll smoothly. Spacer rows keep a real <table> (headers, cells, sorting for screen readers).
 */
export function DataTable({ table, movedAt = {}, onRowsHover }: { table: Table<AccountRow>; movedAt?: Record<string, number>; onRowsHover?: (over: boolean) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  // TanStack Virtual returns functions the React Compiler cannot memoize; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columns = table.getVisibleLeafColumns().length;
  useFitToMain(scrollRef);

  return (
    <div
      ref={scrollRef}
      data-testid="accounts-scroll"
      className="max-h-[calc(100vh-22rem)] min-h-64 overflow-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      {/* 60rem fits beside the sidebar from 1280 px; narrower (a 1024 px laptop), the table scrolls sideways inside
          its box and the account column stays in view. */}
      <table className="w-full min-w-[60rem] table-fixed text-left text-[13px]">
        <colgroup>
          {table.getVisibleLeafColumns().map((c) => (
            <col key={c.id} style={{ width: (c.columnDef.meta as ColumnLayout | undefined)?.width }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 border-b border-slate-200 bg-slate-50 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((h, i) => {
                const sorted = h.column.getIsSorted();
                const right = (h.column.columnDef.meta as ColumnLayout | undefined)?.align === 'right';
                return (
                  <th key={h.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className={`px-1.5 py-2 font-medium ${right ? 'text-right' : ''} ${i === 0 ? `${STICKY} bg-slate-50 dark:bg-slate-900` : ''}`}>
                    <button
                      type="button"
                      onClick={h.column.getToggleSortingHandler()}
                      className={`inline-flex items-center gap-1 rounded hover:text-slate-900 dark:hover:text-slate-100 ${right ? 'text-right' : 'text-left'}`}
                    >
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span aria-hidden className="w-3 shrink-0 text-slate-400">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="num" onPointerEnter={() => onRowsHover?.(true)} onPointerLeave={() => onRowsHover?.(false)}>
          {top > 0 && <tr aria-hidden style={{ height: top }}><td colSpan={columns} /></tr>}
          {items.map((item) => {
            const row = rows[item.index]!;
            const moved = movedAt[row.original.email];
            const flash = moved !== undefined && Date.now() - moved < FLASH_MS;
            return (
              <tr
                key={row.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                data-testid="account-row"
                data-moved={flash || undefined}
                style={{ height: ROW_HEIGHT }}
                className={`group border-b border-slate-100 transition-colors duration-700 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50 ${flash ? 'bg-sky-50 dark:bg-sky-950/40' : ''}`}
              >
                {row.getVisibleCells().map((cell, i) => (
                  <td key={cell.id} className={`overflow-hidden px-1.5 py-1 align-middle ${(cell.column.columnDef.meta as ColumnLayout | undefined)?.align === 'right' ? 'text-right' : ''} ${i === 0 ? `${STICKY} ${flash ? 'bg-sky-50 dark:bg-sky-950' : 'bg-white group-hover:bg-slate-50 dark:bg-slate-900 dark:group-hover:bg-slate-800'}` : ''}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 && <tr aria-hidden style={{ height: bottom }}><td colSpan={columns} /></tr>}
        </tbody>
      </table>
    </div>
  );
}
