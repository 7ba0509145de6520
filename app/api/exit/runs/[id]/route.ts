import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { appExitOrchestrator, exitRunView } from '@/lib/server/exit';
import { runParamsSchema } from '@/lib/contracts/exit';

/**
 * A run's state, keys and audit trail (owner and ops). Reading a run whose instance stopped mid-step
 * (lease lapsed) resumes it here: the owner's command is finished, not a new one started.
 */
export const GET = apiRoute({ permission: 'exit.read', params: runParamsSchema }, async ({ params }) => {
  const db = await getDb();
  const resumed = await (await appExitOrchestrator()).resume(params.id);
  resumed?.done.catch(() => undefined);
  const view = await exitRunView(db, params.id);
  if (!view) throw notFound('The exit run');
  return view;
});
