import { saveScenarioSchema } from '@/lib/contracts/scenarios';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { saveScenario, scenarioList, scenarioMaster } from '@/lib/server/scenarios';

export const GET = apiRoute({ permission: 'dashboard.read' }, async () => scenarioList(await getDb()));

export const POST = apiRoute({ permission: 'scenarios.write', body: saveScenarioSchema }, async ({ body, user, audit }) => {
  const db = await getDb();
  const master = await scenarioMaster(db);
  const { saved, replaced } = await saveScenario(db, master.id, body, user.email);
  await audit('scenarios.save', saved.name, { before: replaced?.shocks, after: { shocks: saved.shocks, replaced: replaced !== null } });
  return saved;
});
