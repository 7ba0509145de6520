import { codeSchema } from '@/lib/contracts/second-factor';
import { apiRoute } from '@/lib/server/api/handler';
import { proveCode, secondFactorStatus } from '@/lib/server/auth/second-factor';
import { getDb } from '@/lib/server/db/client';

/** This user's authenticator and whether this session has a recent proof. */
export const GET = apiRoute({ permission: 'second_factor.use' }, async ({ user, sessionId }) => secondFactorStatus(await getDb(), user.id, sessionId));

/** A code from the authenticator: proves this session for five minutes (and completes an enrolment). */
export const POST = apiRoute({ permission: 'second_factor.use', body: codeSchema }, async ({ body, user, sessionId, audit }) => {
  const db = await getDb();
  try {
    const { enrolledNow } = await proveCode(db, user.id, sessionId, body.code);
    await audit(enrolledNow ? 'auth.totp_enrolled' : 'auth.step_up', user.email);
  } catch (error) {
    await audit('auth.step_up_failed', user.email);
    throw error;
  }
  return secondFactorStatus(db, user.id, sessionId);
});
