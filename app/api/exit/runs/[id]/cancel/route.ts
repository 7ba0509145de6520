import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { appExitOrchestrator, exitRunView } from '@/lib/server/exit';
import { runParamsSchema, runVersionSchema } from '@/lib/contracts/exit';

/** Abandons an unfinished run; accounts whose keys were deleted stay bound until a later run exits them. */
export const POST = apiRoute({ permission: 'exit.run', params: runParamsSchema, body: runVersionSchema }, async ({ params, body, user }) => {
  await (await appExitOrchestrator()).cancel(params.id, body.version, user);
  return exitRunView(await getDb(), params.id);
});
