import 'server-only';
import { redirect } from 'next/navigation';
import { can, type Permission } from '@/lib/permissions';
import { userFromSession, type SessionUser } from './session';

/** The one server-side check for pages: anonymous → /login; signed in without the permission → /forbidden. */
export async function requirePageUser(permission: Permission = 'dashboard.read'): Promise<SessionUser> {
  const user = await userFromSession();
  if (!user) redirect('/login');
  if (!can(user.role, permission)) redirect('/forbidden');
  return user;
}
