import { codeSchema, type WithRecoveryCodes } from '@/lib/contracts/second-factor';
import { apiRoute } from '@/lib/server/api/handler';
import { issueFirstRecoveryCodes } from '@/lib/server/auth/recovery-codes';
import { proveCode, secondFactorStatus } from '@/lib/server/auth/second-factor';
import { getDb } from '@/lib/server/db/client';

/** This user's second factors and whether this session has a recent proof. */
export const GET = apiRoute({ permission: 'second_factor.use' }, async ({ user, sessionId }) => secondFactorStatus(await getDb(), user.id, sessionId));

/**
 * A code from the authenticator: proves this session for five minutes, completes an enrolment (with a first set
 * of recovery codes, shown once) or puts a replacement in force.
 */
export const POST = apiRoute({ permission: 'second_factor.use', body: codeSchema }, async ({ body, user, sessionId, audit }) => {
  const db = await getDb();
  let extra: WithRecoveryCodes = {};
  try {
    const outcome = await proveCode(db, user.id, sessionId, body.code);
    await audit(outcome === 'enrolled' ? 'auth.totp_enrolled' : outcome === 'replaced' ? 'auth.totp_replaced' : 'auth.step_up', user.email);
    const codes = outcome === 'enrolled' ? await issueFirstRecoveryCodes(db, user.id) : null;
    if (codes) {
      await audit('auth.recovery_codes_created', user.email);
      extra = { recoveryCodes: codes };
    }
  } catch (error) {
    await audit('auth.step_up_failed', user.email);
    throw error;
  }
  return { ...(await secondFactorStatus(db, user.id, sessionId)), ...extra };
});

