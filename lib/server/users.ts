import 'server-only';
import { z } from 'zod';
import { ROLES } from '@/lib/permissions';
import type { Db } from './db/client';
import { users } from './db/schema';
import { MIN_PASSWORD_LENGTH, hashPassword } from './auth/password';
import { normalizeEmail } from './auth/authenticate';

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
