import { apiRoute } from '@/lib/server/api/handler';
import { getDb } from '@/lib/server/db/client';
import { editSpecialKeyIp } from '@/lib/server/keys/actions';
import { editIpSchema } from '@/lib/server/keys/schemas';

export const PUT = apiRoute({ permission: 'keys.write', body: editIpSchema, oncePer: ({ body }) => `keys.edit_ip:${body.keyId}` }, async ({ body, user, audit }) =>
  editSpecialKeyIp(await getDb(), body.keyId, body.ip, { email: user.email, audit }),
);
