import { eq } from 'drizzle-orm';
import { resolveTime } from '@/sim/clock';
import type { Scenario } from '@/sim/scenario';
import { loadKeyring } from '@/lib/server/crypto/keyring';
import { seal } from '@/lib/server/crypto/seal';
import type { Db } from '@/lib/server/db/client';
import { accountExits, connections, specialKeySightings } from '@/lib/server/db/schema';
import { accountChanged } from '@/lib/server/db/account-cache';
import { latestChanged } from '@/lib/server/db/latest-cache';
import { holdTransactionLock } from '@/lib/server/db/transaction-lock';

/**
 * Demo mode: store the scenario's master key and one normal read key per sub-account, as an owner would
 * through Settings → Connections, and the history marginwatch would have gathered had it been watching
 * before today (special keys seen then deleted, confirmed exits). Runs once per database, also when two instances
 * start together on it (docs/production.md, "Two or more instances").
 */
export async function seedDemoConnection(db: Db, scenario: Scenario, baseUrl: string): Promise<string> {
  const masterId = await db.transaction(async (tx) => {
    await holdTransactionLock(tx, 'demo connection');
    return seedOnce(tx, scenario, baseUrl);
  });
  latestChanged();
  accountChanged(masterId);
  return masterId;
}

async function seedOnce(db: Db, scenario: Scenario, baseUrl: string): Promise<string> {
  const existing = await db.select({ id: connections.id }).from(connections).where(eq(connections.kind, 'master'));
  if (existing[0]) return existing[0].id;
  const key = loadKeyring().current;
  const now = Date.now();
  const masterKey = scenario.master.keys.find((k) => k.kind === 'normal' && k.secretKey);
  if (!masterKey?.secretKey) throw new Error('the demo scenario has no master HMAC key');

  const [master] = await db
    .insert(connections)
    .values({ name: 'FundX master (demo)', kind: 'master', baseUrl, apiKey: masterKey.apiKey, signerType: 'HMAC', sealedSecret: seal(masterKey.secretKey, key), permissions: masterKey.permissions })
    .returning({ id: connections.id });
  const masterId = master!.id;

  for (const sub of scenario.subAccounts) {
    // Prefer a read-only key (least privilege); an account whose only normal key can withdraw still gets
    // it stored, so the connections page can show the warning it deserves.
    const normal = sub.keys.filter((k) => k.kind === 'normal' && k.secretKey);
    const safe = normal.filter((k) => !k.permissions.enableWithdrawals);
    const read = safe.find((k) => /monitor/.test(k.name)) ?? safe[0] ?? normal[0];
    if (read?.secretKey) {
      await db.insert(connections).values({
        name: read.name, kind: 'sub', masterId, accountEmail: sub.email, baseUrl, apiKey: read.apiKey, signerType: 'HMAC', sealedSecret: seal(read.secretKey, key), permissions: read.permissions,
      });
    }
    for (const past of sub.deletedSpecialKeys) {
      await db.insert(specialKeySightings).values({
        masterId, accountEmail: sub.email, apiKey: past.apiKey, name: past.apiName, symbol: past.symbol ?? null,
        firstSeenAt: new Date(resolveTime(past.createdAt, now)), lastSeenAt: new Date(resolveTime(past.deletedAt, now)), deletedAt: new Date(resolveTime(past.deletedAt, now)),
      });
    }
    if (sub.exitedAt !== undefined) {
      const confirmedAt = resolveTime(sub.exitedAt, now);
      await db.insert(accountExits).values({ masterId, accountEmail: sub.email, confirmedAt: new Date(confirmedAt), cooldownEndsAt: new Date(confirmedAt + 24 * 3_600_000) });
    }
  }
  return masterId;
}
