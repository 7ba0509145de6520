import { apiRoute } from '@/lib/server/api/handler';
import { connectionIdSchema, rotateSchema, rotateSecret } from '@/lib/server/connections';

export const POST = apiRoute({ permission: 'connections.write', params: connectionIdSchema, body: rotateSchema }, async (ctx) => ({
  connection: await rotateSecret(ctx.params.id, ctx.body.secret, { userId: ctx.user.id, audit: ctx.audit }),
}));
