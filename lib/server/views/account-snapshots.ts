import 'server-only';
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accountSnapshots } from '../db/schema';

type SnapshotRow = typeof accountSnapshots.$inferSelect;

export type HistoryPoint = { takenAt: Date; dataAt: Date; marginLevel: string | null; uniMMR: string | null; stale: boolean; status: string };

const HISTORY_LIMIT = 500;
const { input, risk, keys, raw: _raw, ...light } = getTableColumns(accountSnapshots);

/**
 * One account's snapshots in one query: its history (oldest first, the last 500) and the whole row of the
 * refresh the pages show. The bulky figures (`input`, `risk`, `keys`) come back for that row only; the history
 * takes its margin level and uniMMR from the risk figures, the one place they are stored.
 */
export async function readAccountSnapshots(db: Db, masterId: string, email: string, shownRefreshId: string): Promise<{ current: SnapshotRow | null; history: HistoryPoint[] }> {
  const shown = sql`${accountSnapshots.refreshId} = ${shownRefreshId}`;
  const rows = await db
    .select({
      ...light,
      marginLevel: sql<string | null>`${risk}->>'marginLevel'`,
      // PM Pro has no cross margin level: its history is uniMMR.
      uniMMR: sql<string | null>`${risk}->'pmPro'->>'uniMMR'`,
      input: sql<unknown>`case when ${shown} then ${input} end`,
      risk: sql<unknown>`case when ${shown} then ${risk} end`,
      keys: sql<SnapshotRow['keys'] | null>`case when ${shown} then ${keys} end`,
    })
    .from(accountSnapshots)
    .where(and(eq(accountSnapshots.masterId, masterId), eq(accountSnapshots.accountEmail, email)))
    .orderBy(desc(accountSnapshots.takenAt))
    .limit(HISTORY_LIMIT);
  const found = rows.find((r) => r.refreshId === shownRefreshId);
  // The shown refresh is the newest with data, so its row is among the newest; only a history of more than
  // 500 newer snapshots of this account (none shown yet) could push it out: then it is read on its own.
  const current = found ? currentRow(found) : await readOne(db, email, shownRefreshId);
  const history = rows.reverse().map(({ takenAt, dataAt, marginLevel, uniMMR, stale, status }) => ({ takenAt, dataAt, marginLevel, uniMMR, stale, status }));
  return { current, history };
}

function currentRow({ marginLevel: _ml, uniMMR: _u, keys: k, ...row }: { marginLevel: unknown; uniMMR: unknown; keys: SnapshotRow['keys'] | null } & Omit<SnapshotRow, 'keys' | 'raw'>): SnapshotRow {
  // `raw` (the exchange's answers) is never shown: not read.
  return { ...row, keys: k!, raw: null };
}

async function readOne(db: Db, email: string, refreshId: string): Promise<SnapshotRow | null> {
  const [row] = await db.select().from(accountSnapshots).where(and(eq(accountSnapshots.refreshId, refreshId), eq(accountSnapshots.accountEmail, email))).limit(1);
  return row ?? null;
}
