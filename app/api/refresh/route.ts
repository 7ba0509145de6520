import { refreshMasterSchema } from '@/lib/contracts/refresh';
import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { startRefresh } from '@/lib/server/refresh/run-refresh';
import { refreshStatus } from '@/lib/server/refresh/status';
import { currentMaster } from '@/lib/server/views/latest';
import { logger } from '@/lib/server/log/logger';

export const GET = apiRoute({ permission: 'dashboard.read', query: refreshMasterSchema }, async ({ query }) => refreshStatus(await getDb(), query.masterId));

/** "Refresh now": owner or ops. Answers once the run is claimed; progress is read from GET. */
export const POST = apiRoute({ permission: 'refresh.run', body: refreshMasterSchema }, async ({ body, user, audit }) => {
  const master = await currentMaster(await getDb(), body.masterId);
  if (!master) throw notFound('A master connection');
  // A refresh already running answers 409 (RefreshBusyError, mapped by apiRoute).
  const { runId, done } = await startRefresh(master.id, 'manual', user.email);
  done.catch((error) => logger('refresh').error({ err: error }, 'manual refresh failed'));
  await audit('refresh.run', master.name, { after: { runId } });
  return Response.json({ runId }, { status: 202 });
});
