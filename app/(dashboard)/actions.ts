'use server';

import { signOut } from '@/lib/server/auth';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { userFromSession } from '@/lib/server/auth/session';
import { invalidateSessionCache } from '@/lib/server/auth/session-cache';
import { revokeUserSessions } from '@/lib/server/auth/session-store';

/** Ends this session on the server (Auth.js's signOut event revokes it) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  const user = await userFromSession();
  if (user) await writeAudit({ actor: user, action: 'auth.signout', target: user.email });
  await signOut({ redirectTo: '/login' });
}

/** Ends every session of the signed-in user, on every device and instance (docs/security.md). */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await userFromSession();
  if (user) {
    const ended = await revokeUserSessions(await getDb(), user.id);
    invalidateSessionCache();
    await writeAudit({ actor: user, action: 'auth.signout_everywhere', target: user.email, after: { sessionsEnded: ended } });
  }
  await signOut({ redirectTo: '/login' });
}
