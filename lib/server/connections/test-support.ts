// Test-only helpers: a real simulator and a fresh database per suite, and a recording audit context.
import { randomBytes } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { type Database, setDatabaseForTesting as pointDatabaseAt } from '@/lib/server/db/client';
import { auditLog } from '@/lib/server/db/schema';
import { writeAudit } from '@/lib/server/audit';
import { testDatabases } from '@/lib/testing/databases';
import type { Scenario } from '@/sim/scenario';
import { type RunningSimulator, startSimulator } from '@/sim/server';
import type { ChangeContext } from './mutations';

// A fixed sealing key, so no test writes a demo key file into the working tree.
export function setTestSealingKey(): void {
  process.env.MARGINWATCH_SECRET_KEY ??= randomBytes(32).toString('base64');
}

export interface Harness {
  sim: RunningSimulator;
  database: Database;
  close(): Promise<void>;
}

export async function openHarness(scenario: Scenario): Promise<Harness> {
  setTestSealingKey();
  const database = await testDatabases()[0]!.open();
  pointDatabaseAt(database);
  const sim = await startSimulator({ port: 0, scenario });
  return { sim, database, close: async () => void (await Promise.all([sim.close(), database.close()])) };
}

export const changeContext: ChangeContext = {
  userId: null,
  audit: (action, target, change) =>
    writeAudit({ actor: { id: null, email: 'owner@test.example', role: 'owner' }, action, target, before: change?.before, after: change?.after }),
};

export async function auditEntries(database: Database) {
  return database.db.select().from(auditLog).orderBy(desc(auditLog.id));
}

export async function simGet<T>(sim: RunningSimulator, what: 'violations' | 'requests'): Promise<T> {
  return (await (await fetch(`${sim.url}/__sim/${what}`)).json()) as T;
}

/** A scenario key's secret as the owner would paste it: the HMAC secret or the private key PEM. */
export function keyOf(scenario: Scenario, name: string) {
  for (const a of [scenario.master, ...scenario.subAccounts]) {
    const k = a.keys.find((x) => x.name === name);
    if (k) {
      const signerType = k.algorithm === 'HMAC_SHA256' ? ('HMAC' as const) : k.algorithm === 'Ed25519' ? ('ED25519' as const) : ('RSA' as const);
      return { apiKey: k.apiKey, signerType, secret: (signerType === 'HMAC' ? k.secretKey : k.privateKey) ?? '' };
    }
  }
  throw new Error(`no key named ${name}`);
}
