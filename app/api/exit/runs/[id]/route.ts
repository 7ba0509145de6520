import { runParamsSchema } from '@/lib/contracts/exit';
import { apiRoute } from '@/lib/server/api/handler';
import { notFound } from '@/lib/server/api/errors';
import { getDb } from '@/lib/server/db/client';
import { exitRunView } from '@/lib/server/exit';

/**
 * A run's state, keys and audit trail (owner and ops). Reading never acts: a run whose instance stopped
 * mid-step shows `stalled` and is taken up by the resume sweep or an owner's POST …/resume.
 */
export const GET = apiRoute({ permission: 'exit.read', params: runParamsSchema }, async ({ params }) => {
  const view = await exitRunView(await getDb(), params.id);
  if (!view) throw notFound('The exit run');
  return view;
});
