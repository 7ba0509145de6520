import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES, type Role } from '@/lib/permissions';
import type { Db } from './db/client';
import { users } from './db/schema';
import { MIN_PASSWORD_LENGTH, hashPassword } from './auth/password';
import { normalizeEmail } from './auth/authenticate';
import { bumpAuthEpoch } from './auth/session-store';

export const newUserSchema = z.object({
  email: z.string().transform(normalizeEmail).pipe(z.email('a valid email address')),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES, `one of ${ROLES.join(', ')}`),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
});

export type NewUser = z.input<typeof newUserSchema>;

export async function createUser(db: Db, input: NewUser) {
  const user = newUserSchema.parse(input);
  const [row] = await db
    .insert(users)
    .values({ email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) })
    .returning({ id: users.id, email: users.email, role: users.role });
  if (!row) throw new Error('user was not created');
  return row;
}

/** Changes a user's role; every session of theirs sees the new role on its next request. */
export async function setUserRole(db: Db, email: string, role: Role): Promise<void> {
  const updated = await db.update(users).set({ role }).where(eq(users.email, normalizeEmail(email))).returning({ id: users.id });
  if (updated.length === 0) throw new Error(`no user ${email}`);
  await bumpAuthEpoch(db);
}
