import { apiRoute } from '@/lib/server/api/handler';
import { addSubAccountKey, addSubKeySchema, connectionIdSchema, listSubAccounts } from '@/lib/server/connections';

export const GET = apiRoute({ permission: 'connections.read', params: connectionIdSchema }, (ctx) => listSubAccounts(ctx.params.id));

export const POST = apiRoute({ permission: 'connections.write', params: connectionIdSchema, body: addSubKeySchema }, async (ctx) => ({
  connection: await addSubAccountKey(ctx.params.id, ctx.body, { userId: ctx.user.id, audit: ctx.audit }),
}));
