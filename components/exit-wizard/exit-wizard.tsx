'use client';

import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { ErrorState, TableSkeleton } from '@/components/ui/states';
import { ReviewStep } from './review-step';
import { RunPanel } from './run-view';
import { button } from '@/components/ui/controls';
import { useExitOverview } from './use-exit';

/** The wizard: an unfinished run takes the page; otherwise the review, and the runs done before. */
export function ExitWizard({ canRun }: { canRun: boolean }) {
  const overview = useExitOverview();
  const [opened, setOpened] = useState<string | null>(null);
  if (overview.isPending) return <TableSkeleton rows={8} />;
  if (overview.isError) return <ErrorState message={overview.error.message} onRetry={() => overview.refetch()} />;
  const runId = opened ?? overview.data.activeRunId;
  if (runId) return <RunPanel runId={runId} canRun={canRun} onClose={() => { setOpened(null); void overview.refetch(); }} />;
  const past = overview.data.runs;
  return (
    <div className="space-y-6">
      <ReviewStep overview={overview.data} canRun={canRun} onStarted={setOpened} />
      {past.length > 0 && (
        <Card title="Earlier runs">
          <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {past.map((r) => (
              <li key={r.id} className="flex items-center justify-between gap-3 py-2">
                <span>
                  {formatDateTime(r.createdAt)} · {r.createdByEmail ?? 'unknown'} · <span className="font-medium">{r.phase}</span>
                </span>
                <button type="button" className={button.quiet} onClick={() => setOpened(r.id)}>Open</button>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
