import 'server-only';
import type { LiveMessage } from '@/lib/contracts/live';
import { getDb } from '../db/client';
import { latestRefreshes } from '../views/latest';
import { LiveHistoryWriter } from './history-writer';
import { LiveAlerts } from './live-alerts';
import { LiveManager } from './manager';

/** (choice) How often the hub looks for a newer refresh to restart the live book from. */
const REFRESH_CHECK_MS = 5_000;

/**
 * One live hub per master for the whole process (Next.js may load this module in several bundles): it owns the
 * stream manager, starts it on the first listener, and starts a new one from each newer refresh (the record).
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

  constructor(readonly masterId: string) {
    this.history = new LiveHistoryWriter(masterId);
    this.alerts = new LiveAlerts(masterId, () => {
      const m = this.manager;
      return m && { refreshId: m.refreshId, risk: (email) => m.book.risk(email) };
    });
    this.listeners.add(this.history.listener);
    this.listeners.add(this.alerts.listener);
  }

  async subscribe(listener: (m: LiveMessage) => void): Promise<() => void> {
    await this.ensure();
    this.listeners.add(listener);
    const off = this.manager?.subscribe(listener);
    return () => {
      this.listeners.delete(listener);
      off?.();
    };
  }

  private ensure(): Promise<void> {
    this.starting ??= this.replace().then(() => {
      this.history.start();
      this.alerts.start();
      this.timer = setInterval(() => void this.checkRefresh(), REFRESH_CHECK_MS);
      this.timer.unref();
    });
    return this.starting;
  }

  private async checkRefresh(): Promise<void> {
    const { shown } = await latestRefreshes(await getDb(), this.masterId);
    if (shown && shown.id !== this.manager?.refreshId) await this.replace();
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

const holder = globalThis as typeof globalThis & { __marginwatchLive?: Map<string, LiveHub> };

export function liveHub(masterId: string): LiveHub {
  const hubs = (holder.__marginwatchLive ??= new Map());
  let hub = hubs.get(masterId);
  if (!hub) hubs.set(masterId, (hub = new LiveHub(masterId)));
  return hub;
}
