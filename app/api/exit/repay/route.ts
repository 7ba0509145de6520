import { repaySchema } from '@/lib/contracts/exit';
import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { repayLiability } from '@/lib/server/exit';
import { currentMaster } from '@/lib/server/views/latest';
import { logger } from '@/lib/server/log/logger';

/** Repays a liability that blocks an exit, with the account's normal key; answers the liabilities read again while the refresh follows. */
export const POST = apiRoute({ permission: 'exit.run', body: repaySchema, oncePer: ({ body }) => `exit.repay:${body.account}` }, async ({ body, user, requestId }) => {
  const db = await getDb();
  const master = await currentMaster(db, body.masterId);
  if (!master) throw notFound('A master connection');
  const { liabilities, refreshed } = await repayLiability(db, master.id, body, user, requestId);
  refreshed.catch((error) => logger('exit').error({ err: error }, 'refresh after a repay failed'));
  return { liabilities };
});
