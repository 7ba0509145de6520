import { z } from 'zod';
import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { repayLiability } from '@/lib/server/exit';
import { currentMaster } from '@/lib/server/views/latest';

const repayBody = z.object({
  masterId: z.uuid().optional(),
  account: z.email(),
  kind: z.enum(['MARGIN', 'LIQUIDATION_LOAN']),
  asset: z.string().regex(/^[A-Z0-9]{2,20}$/, 'an asset symbol such as ETH'),
  amount: z.string().max(40),
});

/** Repays a liability that blocks an exit, with the account's normal key; answers the liabilities read again. */
export const POST = apiRoute({ permission: 'exit.run', body: repayBody }, async ({ body, user, requestId }) => {
  const db = await getDb();
  const master = await currentMaster(db, body.masterId);
  if (!master) throw notFound('A master connection');
  return { liabilities: await repayLiability(db, master.id, body, user, requestId) };
});
