import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { appExitOrchestrator, exitRunView } from '@/lib/server/exit';
import { runParamsSchema, runVersionSchema } from '@/lib/contracts/exit';

/** Retries step 1 after per-key failures. */
export const POST = apiRoute({ permission: 'exit.run', params: runParamsSchema, body: runVersionSchema, oncePer: ({ params }) => `exit.run:${params.id}` }, async ({ params, body, user }) => {
  await (await appExitOrchestrator()).retryDeletion(params.id, body.version, user);
  return Response.json(await exitRunView(await getDb(), params.id), { status: 202 });
});
