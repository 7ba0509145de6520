import { repaySchema } from '@/lib/contracts/exit';
import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { repayLiability } from '@/lib/server/exit';
import { currentMaster } from '@/lib/server/views/latest';

/** Repays a liability that blocks an exit, with the account's normal key; answers the liabilities read again. */
export const POST = apiRoute({ permission: 'exit.run', body: repaySchema }, async ({ body, user, requestId }) => {
  const db = await getDb();
  const master = await currentMaster(db, body.masterId);
  if (!master) throw notFound('A master connection');
  return { liabilities: await repayLiability(db, master.id, body, user, requestId) };
});
