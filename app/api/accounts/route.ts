import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { listAccounts } from '@/lib/server/views/accounts';
import { asBadRequest, shockQuery } from './query';

export const GET = apiRoute({ permission: 'dashboard.read', query: shockQuery }, async ({ query }) =>
  listAccounts(await getDb(), query).catch(asBadRequest),
);
