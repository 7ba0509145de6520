import { worstMovesSchema } from '@/lib/contracts/scenarios';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { assetsHeld, readWorstMoves, scenarioMaster } from '@/lib/server/scenarios';

// Reads the exchange's klines on request, as "Refresh now" reads balances: the same permission.
export const POST = apiRoute({ permission: 'refresh.run', body: worstMovesSchema }, async ({ body }) => {
  const db = await getDb();
  const master = await scenarioMaster(db);
  return readWorstMoves(master, await assetsHeld(db, master.id), body.window);
});
