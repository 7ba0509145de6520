import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { generateSecret } from 'otplib';
import { getEnv } from '@/lib/env';
import type { Role } from '@/lib/permissions';
import type { Db } from './db/client';
import { users } from './db/schema';
import { holdTransactionLock } from './db/transaction-lock';
import { dataDir, readOrCreateDemoFile } from './demo-files';
import { enrolSecret } from './auth/second-factor';
import { createUser } from './users';

export interface DemoCredential {
  email: string;
  password: string;
  role: Role;
  /** The owner's authenticator secret (TOTP): actions on the exchange ask for its code (docs/security.md, "Second factor"). */
  totpSecret?: string;
}

const FILE = 'demo-credentials.json';

/**
 * Demo mode only: an owner and an ops user with passwords generated once per data folder (never a
 * password committed to the repository), and the owner's authenticator secret, enrolled at once so the demo
 * stays one command. They are printed at start and shown on the login page.
 */
export async function seedDemoUsers(db: Db): Promise<DemoCredential[]> {
  const creds = withOwnerSecret(
    JSON.parse(
      readOrCreateDemoFile(FILE, () =>
        JSON.stringify([
          { email: 'owner@marginwatch.demo', password: demoPassword(), role: 'owner', totpSecret: generateSecret() },
          { email: 'ops@marginwatch.demo', password: demoPassword(), role: 'ops' },
        ] satisfies DemoCredential[]),
      ),
    ) as DemoCredential[],
  );
  // Two instances started together on one database seed once (docs/production.md, "Two or more instances").
  await db.transaction(async (tx) => {
    await holdTransactionLock(tx, 'demo users');
    const [existing] = await tx.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) === 0) {
      for (const c of creds) {
        await createUser(tx, { email: c.email, name: c.role === 'owner' ? 'Demo Owner' : 'Demo Ops', role: c.role, password: c.password });
      }
    }
    for (const c of creds) {
      const [user] = c.totpSecret ? await tx.select({ id: users.id }).from(users).where(eq(users.email, c.email)) : [];
      if (user && c.totpSecret) await enrolSecret(tx, user.id, c.totpSecret);
    }
  });
  return creds;
}

/** A data folder made before the second factor existed gets the owner's secret added to its credentials file. */
function withOwnerSecret(creds: DemoCredential[]): DemoCredential[] {
  if (creds.every((c) => c.role !== 'owner' || c.totpSecret)) return creds;
  const updated = creds.map((c) => (c.role === 'owner' && !c.totpSecret ? { ...c, totpSecret: generateSecret() } : c));
  writeFileSync(path.join(dataDir(), FILE), `${JSON.stringify(updated)}\n`, { mode: 0o600 });
  return updated;
}

export function readDemoCredentials(): DemoCredential[] {
  if (!getEnv().demo) return [];
  const file = path.join(dataDir(), FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoCredential[]) : [];
}

function demoPassword(): string {
  return `demo-${randomBytes(9).toString('base64url')}`;
}
