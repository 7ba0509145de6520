import { z } from 'zod';
import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { getMasterHistory } from '@/lib/server/views/master-history';

const historyQuery = z.object({ masterId: z.uuid().optional() });

/** The master's history charts (Overview); `null` until a master connection is stored. */
export const GET = apiRoute({ permission: 'dashboard.read', query: historyQuery }, async ({ query }) =>
  Response.json(await getMasterHistory(await getDb(), query.masterId)),
);
