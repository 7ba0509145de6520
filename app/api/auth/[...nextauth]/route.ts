import { handlers } from '@/lib/server/auth';
import { userFromRequest } from '@/lib/server/auth/session';

/**
 * Auth.js's endpoints, except the session read: Auth.js would answer from the JWT alone (and renew it), so
 * a revoked session or a changed role would not show. Ours answers from the session table, as every route
 * does, and never renews: a session still ends at its absolute lifetime (docs/security.md).
 */
export async function GET(req: Request): Promise<Response> {
  if (new URL(req.url).pathname !== '/api/auth/session') return handlers.GET(req as Parameters<typeof handlers.GET>[0]);
  const user = await userFromRequest(req);
  return Response.json(user ? { user: { id: user.id, email: user.email, name: user.name, role: user.role } } : null, {
    headers: { 'cache-control': 'no-store' },
  });
}

export const { POST } = handlers;
