import { apiRoute } from '@/lib/server/api/handler';
import { connectionIdSchema, removeConnection } from '@/lib/server/connections';

export const DELETE = apiRoute({ permission: 'connections.write', params: connectionIdSchema }, (ctx) =>
  removeConnection(ctx.params.id, { userId: ctx.user.id, audit: ctx.audit }),
);
