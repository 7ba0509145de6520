import { scenarioParamsSchema } from '@/lib/contracts/scenarios';
import { notFound } from '@/lib/server/api/errors';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { deleteScenario, scenarioMaster } from '@/lib/server/scenarios';

export const DELETE = apiRoute({ permission: 'scenarios.write', params: scenarioParamsSchema }, async ({ params, audit }) => {
  const db = await getDb();
  const master = await scenarioMaster(db);
  const gone = await deleteScenario(db, master.id, params.id);
  if (!gone) throw notFound('The scenario');
  await audit('scenarios.delete', gone.name, { before: gone.shocks });
  return { deleted: gone.id };
});
