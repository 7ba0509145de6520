import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { getEnv } from '@/lib/env';
import type { Role } from '@/lib/permissions';
import type { Db } from './db/client';
import { users } from './db/schema';
import { dataDir, readOrCreateDemoFile } from './demo-files';
import { createUser } from './users';

export interface DemoCredential {
  email: string;
  password: string;
  role: Role;
}

const FILE = 'demo-credentials.json';

/**
 * Demo mode only: an owner and an ops user with passwords generated once per data folder (never a
 * password committed to the repository). They are printed at start and shown on the login page.
 */
export async function seedDemoUsers(db: Db): Promise<DemoCredential[]> {
  const creds = JSON.parse(
    readOrCreateDemoFile(FILE, () =>
      JSON.stringify([
        { email: 'owner@marginwatch.demo', password: demoPassword(), role: 'owner' },
        { email: 'ops@marginwatch.demo', password: demoPassword(), role: 'ops' },
      ] satisfies DemoCredential[]),
    ),
  ) as DemoCredential[];
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) === 0) {
    for (const c of creds) {
      await createUser(db, { email: c.email, name: c.role === 'owner' ? 'Demo Owner' : 'Demo Ops', role: c.role, password: c.password });
    }
  }
  return creds;
}

export function readDemoCredentials(): DemoCredential[] {
  if (!getEnv().demo) return [];
  const file = path.join(dataDir(), FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCredential[]) : [];
}

function demoPassword(): string {
  return `demo-${randomBytes(9).toString('base64url')}`;
}
