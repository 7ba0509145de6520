import type { LiveAccount } from '@/lib/contracts/live';

/** (choice) At most one live history point per account this often (docs/live.md#history). */
export const LIVE_HISTORY_EVERY_MS = 5_000;

/** `marginLevel` is the account's level as the refresh history charts it: uniMMR for Portfolio Margin Pro. */
export type LivePoint = Pick<LiveAccount, 'email' | 'status' | 'statusSource' | 'marginLevel' | 'equityUsd' | 'liabilitiesUsd'> & { at: number };

const sameFigures = (a: LivePoint, b: LivePoint) =>
  a.status === b.status && a.statusSource === b.statusSource && a.marginLevel === b.marginLevel && a.equityUsd === b.equityUsd && a.liabilitiesUsd === b.liabilitiesUsd;

/**
 * Which live figures become history, pure (docs/live.md#history): per account the newest offered figures
 * (coalesced), only when they differ from the last point written, and no sooner than `everyMs` after it.
 * Delayed figures are not live and are never written.
 */
export class HistoryCoalescer {
  private readonly written = new Map<string, { point: LivePoint; at: number }>();
  private readonly pending = new Map<string, LivePoint>();

  constructor(private readonly everyMs: number = LIVE_HISTORY_EVERY_MS) {}

  offer(a: LiveAccount): void {
    if (a.delayedSince !== null) {
      this.pending.delete(a.email); // what was pending was live then, but a newer figure says it is not now
      return;
    }
    const point: LivePoint = { email: a.email, at: a.updatedAt, status: a.status, statusSource: a.statusSource, marginLevel: a.uniMMR ?? a.marginLevel, equityUsd: a.equityUsd, liabilitiesUsd: a.liabilitiesUsd };
    const last = this.written.get(a.email);
    if (last && sameFigures(last.point, point)) this.pending.delete(a.email);
    else this.pending.set(a.email, point);
  }

  /** The points to write now (`now`: the writer's clock), each recorded as written. */
  due(now: number): LivePoint[] {
    const out: LivePoint[] = [];
    for (const [email, point] of this.pending) {
      const last = this.written.get(email);
      if (last && now - last.at < this.everyMs) continue;
      out.push(point);
      this.written.set(email, { point, at: now });
      this.pending.delete(email);
    }
    return out;
  }

  /** A write that failed: its points are offered again unless newer ones arrived meanwhile. */
  unwrite(points: readonly LivePoint[]): void {
    for (const p of points) {
      this.written.delete(p.email);
      if (!this.pending.has(p.email)) this.pending.set(p.email, p);
    }
  }
}
