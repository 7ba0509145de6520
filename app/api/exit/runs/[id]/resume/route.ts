import { runParamsSchema } from '@/lib/contracts/exit';
import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { appExitOrchestrator, exitRunView } from '@/lib/server/exit';

/**
 * "Resume now": finishes the step a stopped instance left (the same work the sweep does every 20 s). A run
 * that is not stalled is left alone; either way the answer is the run as it is now.
 */
export const POST = apiRoute({ permission: 'exit.run', params: runParamsSchema }, async ({ params }) => {
  const resumed = await (await appExitOrchestrator()).resume(params.id);
  resumed?.done.catch(() => undefined);
  const view = await exitRunView(await getDb(), params.id);
  if (!view) throw notFound('The exit run');
  return Response.json(view, { status: 202 });
});
