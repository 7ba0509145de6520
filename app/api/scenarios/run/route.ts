import { runScenarioSchema } from '@/lib/contracts/scenarios';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { runScenario, scenarioMaster } from '@/lib/server/scenarios';

// A POST because a scenario is a body of shocks; it writes nothing and calls no exchange (lib/server/scenarios/run.ts).
export const POST = apiRoute({ permission: 'dashboard.read', body: runScenarioSchema }, async ({ body }) => {
  const db = await getDb();
  return runScenario(db, await scenarioMaster(db), body.shocks);
});
