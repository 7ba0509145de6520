import { apiRoute } from '@/lib/server/api/handler';
import { connectionIdSchema, discoverSubAccounts, listSubAccounts } from '@/lib/server/connections';

/** "Read now": lists the master's sub-accounts from the exchange (owner or ops, as a refresh), then answers the panel's list. */
export const POST = apiRoute({ permission: 'refresh.run', params: connectionIdSchema }, async (ctx) => {
  await discoverSubAccounts(ctx.params.id);
  return listSubAccounts(ctx.params.id);
});
