import { z } from 'zod';
import { apiRoute } from '@/lib/server/api/handler';
import { conflict, notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { RefreshBusyError, startRefresh } from '@/lib/server/refresh/run-refresh';
import { refreshStatus } from '@/lib/server/refresh/status';
import { currentMaster } from '@/lib/server/views/latest';

const masterQuery = z.object({ masterId: z.uuid().optional() });

export const GET = apiRoute({ permission: 'dashboard.read', query: masterQuery }, async ({ query }) => refreshStatus(await getDb(), query.masterId));

/** "Refresh now": owner or ops. Answers once the run is claimed; progress is read from GET. */
export const POST = apiRoute({ permission: 'refresh.run', body: z.object({ masterId: z.uuid().optional() }) }, async ({ body, user, audit }) => {
  const master = await currentMaster(await getDb(), body.masterId);
  if (!master) throw notFound('A master connection');
  try {
    const { runId, done } = await startRefresh(master.id, 'manual', user.email);
    done.catch((error) => console.error('[refresh] manual refresh failed:', error instanceof Error ? error.message : error));
    await audit('refresh.run', master.name, { after: { runId } });
    return Response.json({ runId }, { status: 202 });
  } catch (error) {
    if (error instanceof RefreshBusyError) throw conflict('A refresh of this master is already running.');
    throw error;
  }
});
