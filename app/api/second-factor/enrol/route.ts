import { apiRoute } from '@/lib/server/api/handler';
import { startEnrolment } from '@/lib/server/auth/second-factor';
import { getDb } from '@/lib/server/db/client';

/**
 * A new authenticator secret for this user, in force once its first code is confirmed (POST /api/second-factor).
 * Replacing one already set up needs a recent proof first (docs/security.md, "Recovery").
 */
export const POST = apiRoute({ permission: 'second_factor.use' }, async ({ user, sessionId }) => startEnrolment(await getDb(), user, sessionId));
