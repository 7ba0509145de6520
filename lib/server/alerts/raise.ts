import 'server-only';
import { eq } from 'drizzle-orm';
import { describeCondition, effectiveRules, evaluateAlerts, type AccountFacts, type AlertRule, type MasterFacts } from '@/lib/alerts';
import { isSevere, quietUntil } from '@/lib/alerts/quiet-hours';
import type { Db } from '../db/client';
import { alertChannels, alertDeliveries, alerts } from '../db/schema';
import type { DeskRead } from './desk-read';
import { saveStates, statesAt } from './state-cache';

export type Raised = { alertIds: string[] };

export type RaiseContext = {
  masterId: string;
  refreshId: string;
  desk: DeskRead;
  accounts: AccountFacts[];
  master: MasterFacts;
  /** The rules to judge; default: every rule in force. */
  rules?: AlertRule[];
  /** The forced-liquidation marks the step judged against, and those that moved: stored with the states. */
  forced?: Parameters<typeof saveStates>[4];
  now?: Date;
};

/**
 * Evaluates the rules in force and writes what they raise: the alerts (the inbox), one outbox row per
 * enabled channel, and the rules' new states. Call it inside the transaction that finishes the refresh, so
 * an alert exists exactly when the refresh that raised it does (docs/alerts.md#delivery), with the desk read
 * under the alerts lock in that transaction (`lockAndReadDesk`).
 */
export async function raiseAlerts(tx: Db, ctx: RaiseContext): Promise<Raised> {
  const rules = ctx.rules ?? effectiveRules(ctx.desk.savedRules);
  const states = await statesAt(tx, ctx.masterId, ctx.desk.stateToken, ctx.desk.forcedMarks);
  const { events, changes } = evaluateAlerts(rules, ctx.accounts, ctx.master, states);
  await saveStates(tx, ctx.masterId, states, changes, ctx.forced);
  if (events.length === 0) return { alertIds: [] };

  const byId = new Map(rules.map((r) => [r.id, r]));
  const inserted = await tx.insert(alerts).values(events.map((e) => ({
    masterId: ctx.masterId, refreshId: ctx.refreshId, ruleId: e.ruleId, kind: e.kind, accountEmail: e.email,
    transition: e.transition, level: e.level, title: e.title, condition: describeCondition(byId.get(e.ruleId)!), figures: e.figures,
  }))).returning({ id: alerts.id, kind: alerts.kind, figures: alerts.figures });
  const channels = await tx.select({ id: alertChannels.id, quietHours: alertChannels.quietHours }).from(alertChannels).where(eq(alertChannels.enabled, true));
  if (channels.length) {
    const now = ctx.now ?? new Date();
    // Inside a channel's quiet hours the alert is held for the digest, unless it is severe and the channel lets those through.
    await tx.insert(alertDeliveries).values(channels.flatMap((c) => {
      const heldUntil = c.quietHours ? quietUntil(c.quietHours, now) : null;
      return inserted.map((a) => heldUntil && !(c.quietHours!.severeBreaksThrough && isSevere(a))
        ? { alertId: a.id, channelId: c.id, status: 'held' as const, heldUntil }
        : { alertId: a.id, channelId: c.id });
    }));
  }
  return { alertIds: inserted.map((a) => a.id) };
}
