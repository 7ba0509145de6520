import { passkeyParamsSchema, passkeyRenameSchema } from '@/lib/contracts/second-factor';
import { apiRoute } from '@/lib/server/api/handler';
import { removePasskey, renamePasskey } from '@/lib/server/auth/passkeys';
import { requireStepUp } from '@/lib/server/auth/second-factor';
import { getDb } from '@/lib/server/db/client';

export const PATCH = apiRoute({ permission: 'second_factor.use', params: passkeyParamsSchema, body: passkeyRenameSchema }, async ({ params, body, user, audit }) => {
  const renamed = await renamePasskey(await getDb(), user.id, params.id, body.name);
  await audit('auth.passkey_renamed', user.email, { after: { passkey: renamed.name } });
  return renamed;
});

/** Removing a factor needs a recent proof, so a stolen session cannot strip the owner's (docs/security.md). */
export const DELETE = apiRoute({ permission: 'second_factor.use', params: passkeyParamsSchema }, async ({ params, user, sessionId, audit }) => {
  const db = await getDb();
  await requireStepUp(db, user.id, sessionId);
  const removed = await removePasskey(db, user.id, params.id);
  await audit('auth.passkey_removed', user.email, { before: { passkey: removed.name } });
  return removed;
});
