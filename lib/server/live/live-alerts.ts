import 'server-only';
import { effectiveRules, type ConditionKind, type MasterFacts } from '@/lib/alerts';
import type { LiveAccount, LiveMessage } from '@/lib/contracts/live';
import type { AccountRisk } from '@/lib/risk';
import { accountFacts, type RefreshedAccount } from '../alerts/facts';
import { raiseAlerts } from '../alerts/raise';
import { lockAndReadDesk } from '../alerts/desk-read';
import { wakeSender } from '../alerts/wake';
import { getDb, type Db } from '../db/client';
import { logger } from '../log/logger';
import { PeriodicTask } from '../periodic';

/** The rules whose measure moves with prices and balance events; every other kind waits for the refresh. */
export const LIVE_KINDS: ReadonlySet<ConditionKind> = new Set(['status_worsens', 'liquidation_distance', 'margin_level', 'projected_loan']);

/** (choice) Live figures are judged against the rules at most this often (docs/live.md#alerts). */
export const LIVE_ALERTS_EVERY_MS = 1_000;

/** No master-level rule runs live: these facts are never read. */
const NO_MASTER: MasterFacts = { curve: [], refreshFailingMinutes: null, exitHalfDoneMinutes: null };

/** The live book the figures come from: the refresh it started from and its whole evaluation per account. */
export type LiveSource = { refreshId: string | null; risk: (email: string) => AccountRisk | undefined };

export type LiveAlertsOptions = { everyMs: number; now: () => number };

/**
 * The alert rules on live figures (docs/live.md#alerts): the accounts the stream manager reported moved, at most
 * once a second, through the same engine, states and outbox as a refresh (raiseAlerts), so an alert raised live
 * is open when the next refresh looks and is not sent again. Only live figures: a delayed account waits.
 */
export class LiveAlerts {
  private readonly moved = new Map<string, LiveAccount>();
  private readonly periodic = new PeriodicTask(() => this.flush());
  private running: Promise<string[]> | null = null;

  constructor(
    readonly masterId: string,
    private readonly source: () => LiveSource | null,
    private readonly options: LiveAlertsOptions = { everyMs: LIVE_ALERTS_EVERY_MS, now: Date.now },
  ) {}

  readonly listener = (m: LiveMessage): void => {
    if (m.type !== 'accounts') return;
    for (const a of m.accounts) {
      if (a.delayedSince === null) this.moved.set(a.email, a);
      else this.moved.delete(a.email);
    }
  };

  start(): void {
    this.periodic.start(this.options.everyMs);
  }

  /** Answers once a run already going is over (lib/server/periodic.ts). */
  stop(): Promise<void> {
    return this.periodic.stop();
  }

  /** Judges what moved since the last call; answers the ids of the alerts raised. One evaluation at a time. */
  flush(): Promise<string[]> {
    this.running ??= this.evaluate()
      .catch((error: unknown) => {
        logger('alerts').error({ masterId: this.masterId, err: error }, 'could not evaluate the alert rules on live figures');
        return [];
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async evaluate(): Promise<string[]> {
    const source = this.source();
    if (!source?.refreshId || this.moved.size === 0) return [];
    const refreshId = source.refreshId;
    const batch = [...this.moved.values()];
    this.moved.clear();
    const accounts = new Map<string, RefreshedAccount>();
    for (const a of batch) {
      const risk = source.risk(a.email);
      // The status shown live: the exchange's pushed one wins over ours (docs/live.md#status).
      if (risk) accounts.set(a.email, { risk: { ...risk, status: a.status }, dataAt: new Date(a.updatedAt), keysTotal: null, specialKnown: false, outsideKeyChanges: null, idleSpecialKeys: null, forceLiquidations: null });
    }
    if (accounts.size === 0) return [];
    const db = await getDb();
    const raised = await db.transaction(async (tx) => {
      const desk = await lockAndReadDesk(tx as unknown as Db, this.masterId, { forcedMarks: false, failing: false });
      const facts = accountFacts(desk.labels, accounts, new Date(this.options.now()));
      const rules = effectiveRules(desk.savedRules).filter((r) => LIVE_KINDS.has(r.kind));
      return raiseAlerts(tx as unknown as Db, { masterId: this.masterId, refreshId, desk, accounts: facts, master: NO_MASTER, rules });
    });
    if (raised.alertIds.length) wakeSender();
    return raised.alertIds;
  }
}
