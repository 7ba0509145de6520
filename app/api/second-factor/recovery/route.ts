import { recoveryCodeSchema } from '@/lib/contracts/second-factor';
import { apiRoute } from '@/lib/server/api/handler';
import { proveRecoveryCode } from '@/lib/server/auth/recovery-codes';
import { secondFactorStatus } from '@/lib/server/auth/second-factor';
import { getDb } from '@/lib/server/db/client';

/** A recovery code, for a user who lost the authenticator: proves this session once (docs/security.md, "Recovery"). */
export const POST = apiRoute({ permission: 'second_factor.use', body: recoveryCodeSchema }, async ({ body, user, sessionId, audit }) => {
  const db = await getDb();
  try {
    const left = await proveRecoveryCode(db, user.id, sessionId, body.code);
    await audit('auth.recovery_code_used', user.email, { after: { left } });
  } catch (error) {
    await audit('auth.step_up_failed', user.email, { after: { factor: 'recovery_code' } });
    throw error;
  }
  return secondFactorStatus(db, user.id, sessionId);
});
