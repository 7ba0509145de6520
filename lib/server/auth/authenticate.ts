import 'server-only';
import { eq } from 'drizzle-orm';
import { isRole, type Role } from '@/lib/permissions';
import { writeAudit } from '../audit';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { clearFailures, lockedUntil, recordFailure } from './login-guard';
import { verifyPassword } from './password';

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks a password, enforcing the per-email lock-out, and audits every outcome. */
export async function authenticate(rawEmail: string, password: string, now = new Date()): Promise<AuthenticateResult> {
  const db = await getDb();
  const email = normalizeEmail(rawEmail);
  const anonymous = { id: null, email, role: null };

  const locked = await lockedUntil(db, email, now);
  if (locked) {
    await writeAudit({ actor: anonymous, action: 'auth.signin_locked', target: email });
    return { ok: false, reason: 'locked', until: locked };
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !isRole(user.role)) {
    const lockedNow = await recordFailure(db, email, now);
    await writeAudit({ actor: anonymous, action: 'auth.signin_fail', target: email });
    if (lockedNow) {
      await writeAudit({ actor: anonymous, action: 'auth.lockout', target: email, after: { lockedUntil: lockedNow.toISOString() } });
      return { ok: false, reason: 'locked', until: lockedNow };
    }
    return { ok: false, reason: 'invalid' };
  }

  await clearFailures(db, email);
  await writeAudit({ actor: { id: user.id, email, role: user.role }, action: 'auth.signin', target: email });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
