import { startRunSchema } from '@/lib/contracts/exit';
import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { appExitOrchestrator, assertSelectable, exitRunView } from '@/lib/server/exit';
import { currentMaster } from '@/lib/server/views/latest';

/** Starts a run with the chosen accounts: step 1 begins at once. A second start while one is unfinished is a 409. */
export const POST = apiRoute({ permission: 'exit.run', body: startRunSchema, oncePer: ({ body }) => `exit.start:${body.masterId ?? 'current'}` }, async ({ body, user }) => {
  const db = await getDb();
  const master = await currentMaster(db, body.masterId);
  if (!master) throw notFound('A master connection');
  const accounts = [...new Set(body.accounts)];
  await assertSelectable(db, master.id, accounts);
  const { run } = await (await appExitOrchestrator()).start(master.id, accounts, user);
  return Response.json(await exitRunView(db, run.id), { status: 202 });
});
