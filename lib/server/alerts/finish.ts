import 'server-only';
import type { MasterRisk } from '@/lib/risk';
import type { Db } from '../db/client';
import { accountFacts, masterFacts, type RefreshedAccount } from './facts';
import { lockAndReadDesk } from './desk-read';
import { wakeSender } from './wake';
import { raiseAlerts } from './raise';
import { anyForcedRead, findForcedLiquidations } from './forced-marks';
import { logger } from '../log/logger';

export type FinishContext = { masterId: string; refreshId: string; accounts: ReadonlyMap<string, RefreshedAccount>; masterRisk: MasterRisk | null; failing: boolean };

/**
 * Finishes a refresh: `finish` (its final status) and the alerts it raises commit in one transaction (the
 * outbox: docs/alerts.md#delivery). Alerts never block a refresh: if raising them fails, the refresh still
 * finishes and the failure is logged.
 */
export async function finishWithAlerts(db: Db, ctx: FinishContext, finish: (tx: Db) => Promise<unknown>): Promise<void> {
  try {
    const raised = await db.transaction(async (tx) => {
      await finish(tx as unknown as Db);
      return raiseRefreshAlerts(tx as unknown as Db, ctx);
    });
    if (raised.alertIds.length) wakeSender();
  } catch (error) {
    logger('alerts').error({ refreshId: ctx.refreshId, err: error }, 'could not evaluate the alert rules');
    await finish(db);
  }
}

/** The alert step of a refresh, in its final transaction: two round trips (the lock, the desk) when nothing changed. */
export async function raiseRefreshAlerts(tx: Db, ctx: FinishContext) {
  const now = new Date();
  const desk = await lockAndReadDesk(tx, ctx.masterId, { forcedMarks: anyForcedRead(ctx.accounts), failing: ctx.failing });
  const accounts = accountFacts(desk.labels, ctx.accounts, now);
  let forced;
  if (desk.forcedMarks) {
    const found = findForcedLiquidations(desk.forcedMarks, ctx.accounts);
    for (const a of accounts) a.forcedLiquidations = found.fresh.get(a.email) ?? null;
    forced = { marks: desk.forcedMarks, changed: found.changed };
  }
  const master = masterFacts(desk, ctx.masterRisk, ctx.failing, now);
  return raiseAlerts(tx, { masterId: ctx.masterId, refreshId: ctx.refreshId, desk, accounts, master, forced });
}
