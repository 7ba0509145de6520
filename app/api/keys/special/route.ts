import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { createSpecialKey, deleteSpecialKey } from '@/lib/server/keys/actions';
import { createSpecialKeySchema, deleteSpecialKeySchema } from '@/lib/server/keys/schemas';

export const POST = apiRoute({ permission: 'keys.write', body: createSpecialKeySchema, oncePer: ({ body }) => `keys.create:${body.account}` }, async ({ body, user, audit }) =>
  createSpecialKey(await getDb(), body, { email: user.email, audit }),
);

export const DELETE = apiRoute({ permission: 'keys.write', body: deleteSpecialKeySchema, oncePer: ({ body }) => `keys.delete:${body.keyId}` }, async ({ body, user, audit }) =>
  deleteSpecialKey(await getDb(), body.keyId, { email: user.email, audit }),
);
