import { exitOverviewQuerySchema } from '@/lib/contracts/exit';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { exitOverview } from '@/lib/server/exit';

/** The review step and the master's exit runs: owner and ops. */
export const GET = apiRoute({ permission: 'exit.read', query: exitOverviewQuerySchema }, async ({ query }) => exitOverview(await getDb(), query.masterId));
