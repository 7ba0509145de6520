import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { createSpecialKey, deleteSpecialKey } from '@/lib/server/keys/actions';
import { createSpecialKeySchema, deleteSpecialKeySchema } from '@/lib/server/keys/schemas';

export const POST = apiRoute({ permission: 'keys.write', body: createSpecialKeySchema }, async ({ body, user, audit }) =>
  createSpecialKey(await getDb(), body, { email: user.email, audit }),
);

export const DELETE = apiRoute({ permission: 'keys.write', body: deleteSpecialKeySchema }, async ({ body, user, audit }) =>
  deleteSpecialKey(await getDb(), body.keyId, { email: user.email, audit }),
);
