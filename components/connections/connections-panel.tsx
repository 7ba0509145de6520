'use client';

import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { EmptyState, ErrorState, TableSkeleton } from '@/components/ui/states';
import { AddMasterForm } from './add-master-form';
import { ConnectionSummary } from './connection-summary';
import { KeyActions } from './key-actions';
import { button } from '@/components/ui/controls';
import { SubAccountsPanel } from './sub-accounts-panel';
import { useConnections } from './use-connections';

/** Settings → Connections. `canWrite` (connections.write, owner) decides whether any action is rendered at all. */
export function ConnectionsPanel({ canWrite }: { canWrite: boolean }) {
  const query = useConnections();
  const [adding, setAdding] = useState(false);

  if (query.isPending) return <TableSkeleton rows={4} />;
  if (query.isError) return <ErrorState title="Could not load the connections" message={query.error.message} onRetry={() => query.refetch()} />;

  const { connections, defaultBaseUrl } = query.data;
  const masters = connections.filter((c) => c.kind === 'master');
  const addButton = canWrite && !adding && (
    <button type="button" className={button.primary} onClick={() => setAdding(true)}>
      Add master connection
    </button>
  );

  return (
    <div className="space-y-6">
      {adding && (
        <Card title="Add master connection">
          <AddMasterForm defaultBaseUrl={defaultBaseUrl} onDone={() => setAdding(false)} />
        </Card>
      )}
      {masters.length === 0 ? (
        <EmptyState title="No connection stored" action={addButton || undefined}>
          {canWrite
            ? 'Add the master account’s normal API key to start: marginwatch reads the sub-accounts from it.'
            : 'The owner has not stored an exchange key yet. Connections appear here once added.'}
        </EmptyState>
      ) : (
        <>
          {addButton && <div className="flex justify-end">{addButton}</div>}
          {masters.map((m) => (
            <div key={m.id} data-testid="master" data-name={m.name}>
              <Card className="overflow-hidden">
                <div data-testid="connection" className="flex flex-wrap items-start justify-between gap-4">
                  <ConnectionSummary connection={m} />
                  {canWrite && <KeyActions connection={m} />}
                </div>
                <SubAccountsPanel masterId={m.id} canWrite={canWrite} />
              </Card>
            </div>
          ))}
        </>
      )}
    </div>
  );
}
