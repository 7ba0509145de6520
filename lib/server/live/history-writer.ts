import 'server-only';
import { and, eq, lt } from 'drizzle-orm';
import { getEnv } from '@/lib/env';
import type { LiveMessage } from '@/lib/contracts/live';
import { HistoryCoalescer, LIVE_HISTORY_EVERY_MS } from '@/lib/live/history';
import { accountChanged } from '../db/account-cache';
import { getDb } from '../db/client';
import { livePoints } from '../db/schema';
import { logger } from '../log/logger';

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
  private timer: NodeJS.Timeout | null = null;
  private prunedAt = -Infinity;
  private writing: Promise<number> | null = null;

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
    this.timer ??= setInterval(() => void this.flush(), this.options.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
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
    try {
      if (points.length > 0) {
        await db.insert(livePoints).values(
          points.map((p) => ({ masterId: this.masterId, accountEmail: p.email, at: new Date(p.at), status: p.status, statusSource: p.statusSource, marginLevel: p.marginLevel, equityUsd: p.equityUsd, liabilitiesUsd: p.liabilitiesUsd })),
        );
        for (const p of points) accountChanged(this.masterId, p.email);
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
    return points.length;
  }
}
