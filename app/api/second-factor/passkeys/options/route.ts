import { passkeyOptionsSchema } from '@/lib/contracts/second-factor';
import { apiRoute } from '@/lib/server/api/handler';
import { authenticationOptions, registrationOptions } from '@/lib/server/auth/passkeys';
import { hasSecondFactor, requireStepUp } from '@/lib/server/auth/second-factor';
import { getDb } from '@/lib/server/db/client';

/**
 * Options for a passkey ceremony, with a fresh challenge kept server-side for this session. Adding a passkey
 * when a factor is already in force needs a recent proof with it first (docs/security.md, "Second factor"):
 * a stolen session cannot add its own.
 */
export const POST = apiRoute({ permission: 'second_factor.use', body: passkeyOptionsSchema }, async ({ body, user, sessionId }) => {
  const db = await getDb();
  if (body.ceremony === 'authenticate') return authenticationOptions(db, user.id, sessionId);
  if (await hasSecondFactor(db, user.id)) await requireStepUp(db, user.id, sessionId);
  return registrationOptions(db, user, sessionId);
});
