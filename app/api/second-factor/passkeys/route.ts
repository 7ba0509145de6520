import { passkeyRegistrationSchema } from '@/lib/contracts/second-factor';
import { apiRoute } from '@/lib/server/api/handler';
import { registerPasskey } from '@/lib/server/auth/passkeys';
import { issueFirstRecoveryCodes } from '@/lib/server/auth/recovery-codes';
import { getDb } from '@/lib/server/db/client';

/** A new passkey: the browser's answer to the registration challenge this session was issued. */
export const POST = apiRoute({ permission: 'second_factor.use', body: passkeyRegistrationSchema }, async ({ body, user, sessionId, audit }) => {
  const db = await getDb();
  const added = await registerPasskey(db, user.id, sessionId, body.response, body.name);
  await audit('auth.passkey_added', user.email, { after: { passkey: added.name } });
  // The first factor comes with a first set of recovery codes, shown once (docs/security.md, "Recovery").
  const recoveryCodes = await issueFirstRecoveryCodes(db, user.id);
  if (recoveryCodes) await audit('auth.recovery_codes_created', user.email);
  return { ...added, ...(recoveryCodes && { recoveryCodes }) };
});
