import 'server-only';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { AccountFacts } from '@/lib/alerts';
import type { Db } from '../db/client';
import { accountSnapshots, exitRunKeys, exitRuns, refreshRuns } from '../db/schema';
import type { SightingChanges } from './key-history';

/**
 * The accounts whose special keys the previous refresh read fresh. Only against such a read is a key new or gone:
 * the first read of an account (or one after its keys were unreadable) finds keys, not changes (choice, docs/alerts.md).
 */
export async function specialKeysReadBefore(db: Db, masterId: string, runId: string): Promise<Set<string>> {
  const [previous] = await db
    .select({ id: refreshRuns.id })
    .from(refreshRuns)
    .where(and(eq(refreshRuns.masterId, masterId), ne(refreshRuns.id, runId), inArray(refreshRuns.status, ['ok', 'partial'])))
    .orderBy(desc(refreshRuns.startedAt))
    .limit(1);
  if (!previous) return new Set();
  const rows = await db
    .select({ email: accountSnapshots.accountEmail })
    .from(accountSnapshots)
    .where(and(eq(accountSnapshots.refreshId, previous.id), eq(accountSnapshots.stale, false), sql`${accountSnapshots.keys}->>'special' is not null`));
  return new Set(rows.map((r) => r.email));
}

/**
 * What a refresh found changed on an account's special-key list that marginwatch did not do. marginwatch's own
 * create and delete re-read the list and record the change first (lib/server/keys/actions.ts), so a refresh never
 * sees those; the exit wizard deletes without re-reading, so keys its runs deleted are left out here.
 */
export async function outsideKeyChanges(db: Db, masterId: string, email: string, changes: SightingChanges | null, readBefore: boolean): Promise<AccountFacts['outsideKeyChanges']> {
  if (!changes || !readBefore) return null;
  const gone = changes.disappeared.map((k) => k.apiKey);
  const byExit = gone.length
    ? await db
        .select({ apiKey: exitRunKeys.apiKey })
        .from(exitRunKeys)
        .innerJoin(exitRuns, eq(exitRuns.id, exitRunKeys.runId))
        .where(and(eq(exitRuns.masterId, masterId), eq(exitRunKeys.accountEmail, email), inArray(exitRunKeys.apiKey, gone), inArray(exitRunKeys.status, ['deleting', 'deleted'])))
    : [];
  const exited = new Set(byExit.map((k) => k.apiKey));
  return { appeared: changes.appeared.map((k) => k.name), disappeared: changes.disappeared.filter((k) => !exited.has(k.apiKey)).map((k) => k.name) };
}
