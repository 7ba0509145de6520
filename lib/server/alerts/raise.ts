import 'server-only';
import { and, eq } from 'drizzle-orm';
import { describeCondition, evaluateAlerts, stateKey, type AccountFacts, type ActiveState, type AlertRule, type MasterFacts } from '@/lib/alerts';
import type { Db } from '../db/client';
import { alertChannels, alertDeliveries, alerts, alertStates } from '../db/schema';
import { rulesInForce } from './rules-store';

export type Raised = { alertIds: string[] };

/**
 * Evaluates the rules in force and writes what they raise: the alerts (the inbox), one outbox row per
 * enabled channel, and the rules' new states. Call it inside the transaction that finishes the refresh, so
 * an alert exists exactly when the refresh that raised it does (docs/alerts.md#delivery).
 */
export async function raiseAlerts(tx: Db, ctx: { masterId: string; refreshId: string; accounts: AccountFacts[]; master: MasterFacts; rules?: AlertRule[] }): Promise<Raised> {
  const rules = ctx.rules ?? (await rulesInForce(tx));
  const rows = await tx.select().from(alertStates).where(eq(alertStates.masterId, ctx.masterId));
  const states = new Map<string, ActiveState>(rows.map((r) => [stateKey(r.ruleId, r.accountEmail || null), { level: r.level, value: r.value }]));
  const { events, changes } = evaluateAlerts(rules, ctx.accounts, ctx.master, states);

  for (const change of changes) {
    const key = { masterId: ctx.masterId, ruleId: change.ruleId, accountEmail: change.email ?? '' };
    if (change.state === null) {
      await tx.delete(alertStates).where(and(eq(alertStates.masterId, key.masterId), eq(alertStates.ruleId, key.ruleId), eq(alertStates.accountEmail, key.accountEmail)));
    } else {
      await tx.insert(alertStates).values({ ...key, level: change.state.level, value: change.state.value })
        .onConflictDoUpdate({ target: [alertStates.masterId, alertStates.ruleId, alertStates.accountEmail], set: { level: change.state.level, value: change.state.value } });
    }
  }
  if (events.length === 0) return { alertIds: [] };

  const byId = new Map(rules.map((r) => [r.id, r]));
  const inserted = await tx.insert(alerts).values(events.map((e) => ({
    masterId: ctx.masterId, refreshId: ctx.refreshId, ruleId: e.ruleId, kind: e.kind, accountEmail: e.email,
    transition: e.transition, level: e.level, title: e.title, condition: describeCondition(byId.get(e.ruleId)!), figures: e.figures,
  }))).returning({ id: alerts.id });
  const channels = await tx.select({ id: alertChannels.id }).from(alertChannels).where(eq(alertChannels.enabled, true));
  if (channels.length) {
    await tx.insert(alertDeliveries).values(inserted.flatMap((a) => channels.map((c) => ({ alertId: a.id, channelId: c.id }))));
  }
  return { alertIds: inserted.map((a) => a.id) };
}
