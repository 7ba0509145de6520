import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { SavedScenario, SaveScenarioInput } from '@/lib/contracts/scenarios';
import type { Db } from '../db/client';
import { scenarios } from '../db/schema';

type Row = typeof scenarios.$inferSelect;

const toSaved = (r: Row): SavedScenario => ({ id: r.id, name: r.name, shocks: r.shocks, savedBy: r.savedBy, savedAt: r.savedAt.toISOString() });

/** A master's named scenarios, by name. */
export async function listScenarios(db: Db, masterId: string): Promise<SavedScenario[]> {
  const rows = await db.select().from(scenarios).where(eq(scenarios.masterId, masterId)).orderBy(asc(scenarios.name));
  return rows.map(toSaved);
}

/** Saves a scenario under its name, replacing one of the same name; answers it and what it replaced (for the audit). */
export async function saveScenario(db: Db, masterId: string, input: SaveScenarioInput, savedBy: string): Promise<{ saved: SavedScenario; replaced: SavedScenario | null }> {
  return db.transaction(async (tx) => {
    const [old] = await tx.select().from(scenarios).where(and(eq(scenarios.masterId, masterId), eq(scenarios.name, input.name)));
    const [row] = await tx
      .insert(scenarios)
      .values({ masterId, name: input.name, shocks: input.shocks, savedBy, savedAt: new Date() })
      .onConflictDoUpdate({ target: [scenarios.masterId, scenarios.name], set: { shocks: input.shocks, savedBy, savedAt: new Date() } })
      .returning();
    return { saved: toSaved(row!), replaced: old ? toSaved(old) : null };
  });
}

/** Deletes one scenario of this master; null when there is none by that id. */
export async function deleteScenario(db: Db, masterId: string, id: string): Promise<SavedScenario | null> {
  const [row] = await db.delete(scenarios).where(and(eq(scenarios.masterId, masterId), eq(scenarios.id, id))).returning();
  return row ? toSaved(row) : null;
}
