import { apiRoute } from '@/lib/server/api/handler';
import { startEnrolment } from '@/lib/server/auth/second-factor';
import { getDb } from '@/lib/server/db/client';

/** A new authenticator secret for this user, in force once its first code is confirmed (POST /api/second-factor). */
export const POST = apiRoute({ permission: 'second_factor.use' }, async ({ user }) => startEnrolment(await getDb(), user));
