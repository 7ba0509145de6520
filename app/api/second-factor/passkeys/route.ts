import { passkeyRegistrationSchema } from '@/lib/contracts/second-factor';
import { apiRoute } from '@/lib/server/api/handler';
import { registerPasskey } from '@/lib/server/auth/passkeys';
import { getDb } from '@/lib/server/db/client';

/** A new passkey: the browser's answer to the registration challenge this session was issued. */
export const POST = apiRoute({ permission: 'second_factor.use', body: passkeyRegistrationSchema }, async ({ body, user, sessionId, audit }) => {
  const added = await registerPasskey(await getDb(), user.id, sessionId, body.response, body.name);
  await audit('auth.passkey_added', user.email, { after: { passkey: added.name } });
  return added;
});
