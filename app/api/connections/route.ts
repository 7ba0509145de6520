import { apiRoute } from '@/lib/server/api/handler';
import { addMasterConnection, addMasterSchema, listConnections } from '@/lib/server/connections';

export const GET = apiRoute({ permission: 'connections.read' }, () => listConnections());

export const POST = apiRoute({ permission: 'connections.write', body: addMasterSchema }, async (ctx) => ({
  connection: await addMasterConnection(ctx.body, { userId: ctx.user.id, audit: ctx.audit }),
}));
