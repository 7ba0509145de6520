import 'server-only';
import { effectiveRules, type AlertRule, type ConditionKind } from '@/lib/alerts';
import type { Db } from '../db/client';
import { alertRules } from '../db/schema';

export async function savedRules(db: Db): Promise<AlertRule[]> {
  const rows = await db.select().from(alertRules);
  return rows.map((r) => ({
    id: r.id, kind: r.kind as ConditionKind, enabled: r.enabled, threshold: r.threshold, rearmMargin: r.rearmMargin,
    escalationStep: r.escalationStep, shockPercent: r.shockPercent, scope: r.scope,
  }));
}

/** The rules in force: the defaults as saved over, plus the owner's own. */
export async function rulesInForce(db: Db): Promise<AlertRule[]> {
  return effectiveRules(await savedRules(db));
}
