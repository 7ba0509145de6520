import 'server-only';
import { eq } from 'drizzle-orm';
import { DEFAULT_RULES, ruleFromInput, type AlertRule, type AlertRuleInput, type ConditionKind } from '@/lib/alerts';
import type { Db } from '../db/client';
import { accountLabels, accountSnapshots, alertRules } from '../db/schema';
import { currentMaster, latestRefreshes } from '../views/latest';

/** A saved rule as its columns, in order (how the alert step reads them: lib/server/alerts/desk-read.ts). */
export type RuleRow = [id: string, kind: string, enabled: boolean, threshold: string, rearmMargin: string, escalationStep: string | null, shockPercent: string | null, scope: AlertRule['scope']];

export const ruleFromRow = ([id, kind, enabled, threshold, rearmMargin, escalationStep, shockPercent, scope]: RuleRow): AlertRule =>
  ({ id, kind: kind as ConditionKind, enabled, threshold, rearmMargin, escalationStep, shockPercent, scope });

export async function savedRules(db: Db): Promise<AlertRule[]> {
  const rows = await db.select().from(alertRules);
  return rows.map((r) => ruleFromRow([r.id, r.kind, r.enabled, r.threshold, r.rearmMargin, r.escalationStep, r.shockPercent, r.scope]));
}

/** Every sub-account the latest snapshots name: a rule may only name one of these. */
export async function knownAccounts(db: Db): Promise<string[]> {
  const master = await currentMaster(db);
  const shown = master ? (await latestRefreshes(db, master.id)).shown : null;
  if (!shown) return [];
  const rows = await db.select({ email: accountSnapshots.accountEmail }).from(accountSnapshots).where(eq(accountSnapshots.refreshId, shown.id));
  return rows.map((r) => r.email).sort();
}

export async function knownLabels(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ label: accountLabels.label }).from(accountLabels);
  return rows.map((r) => r.label).sort();
}

/** Saves a rule (a new one, an edited default, or an edited own rule); refuses an account nobody knows. */
export async function saveRule(db: Db, id: string, input: AlertRuleInput, by: string): Promise<AlertRule> {
  if (input.scope.kind === 'account') {
    const wanted = input.scope.email.toLowerCase();
    const known = (await knownAccounts(db)).find((e) => e.toLowerCase() === wanted);
    if (!known) throw new UnknownAccountError(input.scope.email);
    input = { ...input, scope: { kind: 'account', email: known } };
  }
  const rule = ruleFromInput(id, input);
  const values = { kind: rule.kind, enabled: rule.enabled, threshold: rule.threshold, rearmMargin: rule.rearmMargin, escalationStep: rule.escalationStep, shockPercent: rule.shockPercent, scope: rule.scope, updatedBy: by, updatedAt: new Date() };
  await db.insert(alertRules).values({ id, ...values }).onConflictDoUpdate({ target: alertRules.id, set: values });
  return rule;
}

export class UnknownAccountError extends Error {
  constructor(readonly email: string) {
    super(`No sub-account ${email} is known: pick one the refresh has read.`);
  }
}

export const isDefaultRule = (id: string) => DEFAULT_RULES.some((r) => r.id === id);

/** Removes an own rule, or puts a default back as it ships. */
export async function deleteRule(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(alertRules).where(eq(alertRules.id, id)).returning({ id: alertRules.id });
  return rows.length > 0;
}
