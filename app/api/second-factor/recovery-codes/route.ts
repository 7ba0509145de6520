import { apiRoute } from '@/lib/server/api/handler';
import { issueRecoveryCodes } from '@/lib/server/auth/recovery-codes';
import { requireStepUp } from '@/lib/server/auth/second-factor';
import { getDb } from '@/lib/server/db/client';

/** A new set of ten recovery codes, shown once; the old set stops working. Needs a recent proof first. */
export const POST = apiRoute({ permission: 'second_factor.use' }, async ({ user, sessionId, audit }) => {
  const db = await getDb();
  await requireStepUp(db, user.id, sessionId);
  const recoveryCodes = await issueRecoveryCodes(db, user.id);
  await audit('auth.recovery_codes_created', user.email);
  return { recoveryCodes };
});
