import { z } from 'zod';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { getOverview } from '@/lib/server/views/overview';

const overviewQuery = z.object({ masterId: z.uuid().optional() });

/** The overview view model; `null` until a master connection is stored. */
export const GET = apiRoute({ permission: 'dashboard.read', query: overviewQuery }, async ({ query }) =>
  Response.json(await getOverview(await getDb(), query.masterId)),
);
