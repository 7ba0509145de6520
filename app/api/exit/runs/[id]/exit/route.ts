import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { appExitOrchestrator, exitRunView } from '@/lib/server/exit';
import { exitCommandSchema, runParamsSchema } from '@/lib/contracts/exit';

/** Step 2, with the typed confirmation. */
export const POST = apiRoute(
  { permission: 'exit.run', params: runParamsSchema, body: exitCommandSchema, oncePer: ({ params }) => `exit.run:${params.id}` },
  async ({ params, body, user }) => {
    await (await appExitOrchestrator()).exit(params.id, body.version, body.confirmation, user);
    return Response.json(await exitRunView(await getDb(), params.id), { status: 202 });
  },
);
