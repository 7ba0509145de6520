import { passkeyAssertionSchema } from '@/lib/contracts/second-factor';
import { apiRoute } from '@/lib/server/api/handler';
import { provePasskey } from '@/lib/server/auth/passkeys';
import { secondFactorStatus } from '@/lib/server/auth/second-factor';
import { getDb } from '@/lib/server/db/client';

/** An assertion from one of this user's passkeys: proves this session for five minutes, like a TOTP code. */
export const POST = apiRoute({ permission: 'second_factor.use', body: passkeyAssertionSchema }, async ({ body, user, sessionId, audit }) => {
  const db = await getDb();
  const name = await provePasskey(db, user.id, sessionId, body.response);
  await audit('auth.step_up', user.email, { after: { factor: 'passkey', passkey: name } });
  return secondFactorStatus(db, user.id, sessionId);
});
