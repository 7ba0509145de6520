import 'server-only';
import { and, eq, gte, inArray, lt, max, sql } from 'drizzle-orm';
import { getEnv } from '@/lib/env';
import type { LiveMessage } from '@/lib/contracts/live';
import { HistoryCoalescer, LIVE_HISTORY_EVERY_MS, type LivePoint } from '@/lib/live/history';
import { accountChanged } from '../db/account-cache';
import { getDb, type Db } from '../db/client';
import { livePoints } from '../db/schema';
import { logger } from '../log/logger';
import { PeriodicTask } from '../periodic';

/** (choice) Old live points are pruned at most this often; they follow the snapshots' retention. */
const PRUNE_EVERY_MS = 60 * 60_000;

export type HistoryWriterOptions = { everyMs: number; now: () => number };

/**
 * Writes a master's live figures for history (docs/live.md#history): listens to the stream manager, keeps the
 * newest figures per account in memory, and every `everyMs` inserts those that moved, in one statement.
 * The clock is injected so tests step it instead of sleeping.
 */
export class LiveHistoryWriter {
  private readonly coalescer: HistoryCoalescer;
  private readonly periodic = new PeriodicTask(() => this.flush());
  private prunedAt = -Infinity;
  private writing: Promise<number> | null = null;
  /** Exchange time of the last point this writer wrote per account: a newer one in the table is another instance's. */
  private readonly ownAt = new Map<string, number>();

  constructor(
    readonly masterId: string,
    private readonly options: HistoryWriterOptions = { everyMs: LIVE_HISTORY_EVERY_MS, now: Date.now },
  ) {
    this.coalescer = new HistoryCoalescer(options.everyMs);
  }

  /** Only moves: a `hello` repeats the refresh's figures, which the snapshots already hold. */
  readonly listener = (m: LiveMessage): void => {
    if (m.type === 'accounts') for (const a of m.accounts) this.coalescer.offer(a);
  };

  start(): void {
    this.periodic.start(this.options.everyMs);
  }

  /** Answers once a run already going is over (lib/server/periodic.ts). */
  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** Writes what is due now; answers how many points. One write at a time: a slow database never piles up. */
  flush(): Promise<number> {
    this.writing ??= this.write().finally(() => (this.writing = null));
    return this.writing;
  }

  private async write(): Promise<number> {
    const now = this.options.now();
    const points = this.coalescer.due(now);
    const db = await getDb();
    let written = points;
    try {
      if (points.length > 0) {
        written = await db.transaction((tx) => this.insertNotWritten(tx as unknown as Db, points));
        for (const p of written) accountChanged(this.masterId, p.email);
      }
    } catch (error) {
      this.coalescer.unwrite(points);
      logger('live').error({ masterId: this.masterId, err: error }, 'live history write failed');
      return 0;
    }
    if (now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = now;
      const before = new Date(now - getEnv().SNAPSHOT_RETENTION_DAYS * 86_400_000);
      await db
        .delete(livePoints)
        .where(and(eq(livePoints.masterId, this.masterId), lt(livePoints.at, before)))
        .then(() => accountChanged(this.masterId))
        .catch((error: unknown) => logger('live').error({ masterId: this.masterId, err: error }, 'live history pruning failed'));
    }
    return written.length;
  }

  /**
   * Two instances stream the same master and see the same exchange figures (docs/live.md#instances): a point is
   * left out when another writer already wrote the account within `everyMs` of its exchange time, so an account
   * keeps about one point per interval between them. Both take the same per-master lock, so the check holds.
   */
  private async insertNotWritten(tx: Db, points: LivePoint[]): Promise<LivePoint[]> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`live-history:${this.masterId}`}))`);
    const since = new Date(Math.min(...points.map((p) => p.at)) - this.options.everyMs);
    const newest = await tx
      .select({ email: livePoints.accountEmail, at: max(livePoints.at) })
      .from(livePoints)
      .where(and(eq(livePoints.masterId, this.masterId), inArray(livePoints.accountEmail, points.map((p) => p.email)), gte(livePoints.at, since)))
      .groupBy(livePoints.accountEmail);
    const newestAt = new Map(newest.map((r) => [r.email, r.at ? new Date(r.at).getTime() : -Infinity]));
    const fresh = points.filter((p) => {
      const at = newestAt.get(p.email);
      const byOther = at !== undefined && at > (this.ownAt.get(p.email) ?? -Infinity);
      return !(byOther && at >= p.at - this.options.everyMs);
    });
    if (fresh.length > 0) {
      await tx.insert(livePoints).values(
        fresh.map((p) => ({ masterId: this.masterId, accountEmail: p.email, at: new Date(p.at), status: p.status, statusSource: p.statusSource, marginLevel: p.marginLevel, equityUsd: p.equityUsd, liabilitiesUsd: p.liabilitiesUsd })),
      );
    }
    for (const p of fresh) this.ownAt.set(p.email, p.at);
    return fresh;
  }
}
