import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import { getEnv } from '@/lib/env';
import { readiness, type Readiness, type ReadinessFacts } from '@/lib/health';
import type { Db } from './db/client';
import { getDatabase } from './db/client';
import { connections, refreshRuns } from './db/schema';
import { isDraining } from './lifecycle';
import { errorText } from './log/redact';

/** The newest migration this build ships: drizzle records its `when` as the applied row's created_at. */
function shippedMigration(): number {
  const journal = JSON.parse(readFileSync(path.resolve(process.cwd(), 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

async function appliedMigration(db: Db): Promise<number | null> {
  try {
    const result = await db.execute(sql`select max(created_at) as last from drizzle.__drizzle_migrations`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { last: unknown }[] }).rows) as { last: unknown }[];
    return rows[0]?.last == null ? null : Number(rows[0].last);
  } catch {
    return null;
  }
}

async function lastSuccesses(db: Db): Promise<ReadinessFacts['masters']> {
  const masters = await db.select({ id: connections.id, name: connections.name }).from(connections).where(eq(connections.kind, 'master'));
  if (masters.length === 0) return [];
  const rows = await db
    .select({ masterId: refreshRuns.masterId, last: max(refreshRuns.finishedAt) })
    .from(refreshRuns)
    .where(and(inArray(refreshRuns.masterId, masters.map((m) => m.id)), inArray(refreshRuns.status, ['ok', 'partial'])))
    .groupBy(refreshRuns.masterId);
  const lastOf = new Map(rows.map((r) => [r.masterId, r.last]));
  return masters.map((m) => ({ ...m, lastSuccessAt: lastOf.get(m.id) ?? null }));
}

export async function checkReadiness(opts: { db?: Db; now?: number } = {}): Promise<Readiness> {
  const env = getEnv();
  const base = { draining: isDraining(), now: opts.now ?? Date.now(), intervalSeconds: env.REFRESH_INTERVAL_SECONDS, maxIntervals: env.READY_MAX_REFRESH_INTERVALS };
  let db: Db;
  try {
    db = opts.db ?? (await getDatabase()).db;
    await db.execute(sql`select 1`);
  } catch (error) {
    return readiness({ ...base, database: { ok: false, reason: errorText(error) }, migrations: null, masters: [] });
  }
  return readiness({ ...base, database: { ok: true }, migrations: { applied: await appliedMigration(db), shipped: shippedMigration() }, masters: await lastSuccesses(db) });
}
