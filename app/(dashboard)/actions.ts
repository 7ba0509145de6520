'use server';

import { signOut } from '@/lib/server/auth';
import { writeAudit } from '@/lib/server/audit';
import { userFromSession } from '@/lib/server/auth/session';

export async function signOutAction(): Promise<void> {
  const user = await userFromSession();
  if (user) await writeAudit({ actor: user, action: 'auth.signout', target: user.email });
  await signOut({ redirectTo: '/login' });
}
