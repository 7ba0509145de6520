import 'server-only';
import type { LiveMessage } from '@/lib/contracts/live';
import { getDb } from '../db/client';
import { logger } from '../log/logger';
import { latestRefreshes } from '../views/latest';
import { LiveHistoryWriter } from './history-writer';
import { LiveAlerts } from './live-alerts';
import { LiveManager } from './manager';

/** (choice) How often the hub looks for a newer refresh to restart the live book from. */
const REFRESH_CHECK_MS = 5_000;

/** Test hooks: how often history is written and alerts judged (docs/live.md#history, #alerts). */
export type LiveHubOptions = { historyEveryMs?: number; alertsEveryMs?: number };

/**
 * One live hub per master for the whole process (Next.js may load this module in several bundles): it owns the
 * stream manager, and with it the live history and live alerts, from `start()` (the live supervisor, with the
 * server) to `stop()`, whether or not a page listens; it starts a new manager from each newer refresh (the record)
 * and when the master's connections change. Pages only subscribe.
 */
class LiveHub {
  private manager: LiveManager | null = null;
  private starting: Promise<void> | null = null;
  private readonly listeners = new Set<(m: LiveMessage) => void>();
  private timer: NodeJS.Timeout | null = null;
  /** Live figures written for history while the hub runs (docs/live.md#history). */
  private readonly history: LiveHistoryWriter;
  /** The alert rules judged on live figures while the hub runs (docs/live.md#alerts). */
  private readonly alerts: LiveAlerts;

  constructor(
    readonly masterId: string,
    options: LiveHubOptions = {},
  ) {
    this.history = new LiveHistoryWriter(masterId, options.historyEveryMs ? { everyMs: options.historyEveryMs, now: Date.now } : undefined);
    this.alerts = new LiveAlerts(
      masterId,
      () => {
        const m = this.manager;
        return m && { refreshId: m.refreshId, risk: (email) => m.book.risk(email) };
      },
      options.alertsEveryMs ? { everyMs: options.alertsEveryMs, now: Date.now } : undefined,
    );
    this.listeners.add(this.history.listener);
    this.listeners.add(this.alerts.listener);
  }

  get running(): boolean {
    return this.manager !== null;
  }

  /** A page's listener: the manager's hello at once when the hub runs, else at its start. Never starts the hub. */
  subscribe(listener: (m: LiveMessage) => void): () => void {
    this.listeners.add(listener);
    this.manager?.subscribe(listener);
    return () => {
      this.listeners.delete(listener);
      this.manager?.unsubscribe(listener);
    };
  }

  /** Opens the streams once; a failed start is forgotten, so the next call tries again. */
  start(): Promise<void> {
    this.starting ??= this.replace().then(
      () => {
        this.history.start();
        this.alerts.start();
        this.timer = setInterval(() => void this.checkRefresh(), REFRESH_CHECK_MS);
        this.timer.unref();
      },
      (error: unknown) => {
        this.starting = null;
        throw error;
      },
    );
    return this.starting;
  }

  /** The master's keys changed (rotated, a sub-account key added or removed): a new manager with them. */
  async restart(): Promise<void> {
    if (!this.starting) return this.start();
    await this.starting;
    await this.replace();
  }

  /**
   * Stops streaming; what is due for history is written first. Listen keys stay open unless `closeKeys`: each
   * account has one active key per stream, which another instance streaming the same master uses too.
   */
  async stop(opts: { closeKeys?: boolean } = {}): Promise<void> {
    await this.starting?.catch(() => undefined);
    this.starting = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // A check or a write already going ends first: after the hubs stop, the database may close (shutdown).
    await Promise.all([this.alerts.stop(), this.history.stop()]);
    const old = this.manager;
    this.manager = null;
    await old?.stop({ keepKeys: !opts.closeKeys });
    await this.history.flush();
  }

  private async checkRefresh(): Promise<void> {
    try {
      const { shown } = await latestRefreshes(await getDb(), this.masterId);
      if (shown && this.manager && shown.id !== this.manager.refreshId) await this.replace();
    } catch (error) {
      logger('live').error({ masterId: this.masterId, err: error }, 'could not restart the live book from the newest refresh');
    }
  }

  private async replace(): Promise<void> {
    const next = new LiveManager(this.masterId);
    await next.start();
    const old = this.manager;
    this.manager = next;
    for (const l of this.listeners) next.subscribe(l);
    await old?.stop({ keepKeys: true });
  }
}

export type { LiveHub };

const holder = globalThis as typeof globalThis & { __marginwatchLive?: Map<string, LiveHub> };
const hubs = () => (holder.__marginwatchLive ??= new Map());

export function liveHub(masterId: string, options?: LiveHubOptions): LiveHub {
  let hub = hubs().get(masterId);
  if (!hub) hubs().set(masterId, (hub = new LiveHub(masterId, options)));
  return hub;
}

/** The masters whose hub exists in this process. */
export function liveHubIds(): string[] {
  return [...hubs().keys()];
}

/** Stops a master's hub and forgets it (its connection was removed, or the server stops). */
export async function dropLiveHub(masterId: string, opts: { closeKeys?: boolean } = {}): Promise<void> {
  const hub = hubs().get(masterId);
  hubs().delete(masterId);
  await hub?.stop(opts);
}
