import 'server-only';
import type { MasterRisk } from '@/lib/risk';
import type { Db } from '../db/client';
import { accountFacts, masterFacts, type RefreshedAccount } from './facts';
import { wakeSender } from './wake';
import { raiseAlerts } from './raise';
import { findForcedLiquidations, saveForcedMarks } from './forced-marks';
import { logger } from '../log/logger';

/**
 * Finishes a refresh: `finish` (its final status) and the alerts it raises commit in one transaction (the
 * outbox: docs/alerts.md#delivery). Alerts never block a refresh: if raising them fails, the refresh still
 * finishes and the failure is logged.
 */
export async function finishWithAlerts(
  db: Db,
  ctx: { masterId: string; refreshId: string; accounts: ReadonlyMap<string, RefreshedAccount>; masterRisk: MasterRisk | null; failing: boolean },
  finish: (tx: Db) => Promise<unknown>,
): Promise<void> {
  try {
    const now = new Date();
    const [accounts, master, forced] = await Promise.all([
      accountFacts(db, ctx.masterId, ctx.accounts, now),
      masterFacts(db, ctx.masterId, ctx.masterRisk, ctx.failing, now),
      findForcedLiquidations(db, ctx.masterId, new Map([...ctx.accounts].map(([email, a]) => [email, a.forceLiquidations]))),
    ]);
    for (const a of accounts) a.forcedLiquidations = forced.fresh.get(a.email) ?? null;
    const raised = await db.transaction(async (tx) => {
      await finish(tx as unknown as Db);
      await saveForcedMarks(tx as unknown as Db, ctx.masterId, forced.changed);
      return raiseAlerts(tx as unknown as Db, { masterId: ctx.masterId, refreshId: ctx.refreshId, accounts, master });
    });
    if (raised.alertIds.length) wakeSender();
  } catch (error) {
    logger('alerts').error({ refreshId: ctx.refreshId, err: error }, 'could not evaluate the alert rules');
    await finish(db);
  }
}
