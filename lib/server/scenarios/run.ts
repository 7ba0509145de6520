import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { ScenarioRun } from '@/lib/contracts/scenarios';
import { DEFAULT_RISK_CONFIG, type AccountRiskInput } from '@/lib/risk';
import { masterUnderScenario, type AssetShocks } from '@/lib/scenarios/per-asset';
import type { Db } from '../db/client';
import { accountSnapshots } from '../db/schema';
import { deskLabelView } from '../labels';
import { latestRefreshes, type MasterRow } from '../views/latest';

/** The shown refresh's snapshots as the scenario engine reads them: each account's input and binding. */
async function scenarioInputs(db: Db, refreshId: string): Promise<Array<{ input: AccountRiskInput; bound: boolean | null }>> {
  const rows = await db
    .select({ input: accountSnapshots.input, bound: sql<boolean | null>`(${accountSnapshots.risk}->'applicability'->>'bound')::boolean` })
    .from(accountSnapshots)
    .where(eq(accountSnapshots.refreshId, refreshId));
  return rows.map((r) => ({ input: r.input as AccountRiskInput, bound: r.bound }));
}

/**
 * What a scenario gives on the data pages show (the newest refresh that produced data): never a call to the
 * exchange (docs/architecture.md), so running one costs no request weight and changes nothing.
 */
export async function runScenario(db: Db, master: MasterRow, shocks: AssetShocks): Promise<ScenarioRun> {
  const [{ shown }, labels] = await Promise.all([latestRefreshes(db, master.id), deskLabelView(db, master.id)]);
  const inputs = shown ? await scenarioInputs(db, shown.id) : [];
  const result = masterUnderScenario(inputs, shocks, DEFAULT_RISK_CONFIG);
  const names = Object.fromEntries(Object.entries(labels).map(([email, l]) => [email, l.label]));
  return { ...result, refreshedAt: shown?.finishedAt?.toISOString() ?? shown?.startedAt.toISOString() ?? null, labels: names };
}

/** Every asset held or owed on the shown refresh, for the scenario form's named rows. */
export async function assetsHeld(db: Db, masterId: string): Promise<string[]> {
  const { shown } = await latestRefreshes(db, masterId);
  if (!shown) return [];
  const rows = await db
    .select({ assets: sql<string[]>`(select coalesce(jsonb_agg(a->>'asset'), '[]'::jsonb) from jsonb_array_elements(${accountSnapshots.input}->'assets') a)` })
    .from(accountSnapshots)
    .where(eq(accountSnapshots.refreshId, shown.id));
  return [...new Set(rows.flatMap((r) => r.assets))].sort();
}
