import { randomBytes } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '@/sim/server';
import { loadScenario, type Scenario } from '@/sim/scenario';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { testDatabases } from '@/lib/testing/databases';
// Aliased: the name starts with `use` but this is no React hook.
import { setDatabaseForTesting as pointProcessAt, type Database } from '../db/client';
import { runRefresh } from '../refresh/run-refresh';

/** A fresh database (PGlite unless `open` says otherwise) holding one real refresh of the demo scenario, read from the simulator. */
export async function demoRefreshed(
  open: () => Promise<Database> = testDatabases()[0]!.open,
  /** The demo, or a variant of it (e.g. an extra sub-account): the demo's own keys are stored either way. */
  variant?: (demo: Scenario) => Scenario,
): Promise<{ database: Database; masterId: string; sim: RunningSimulator; close(): Promise<void> }> {
  process.env.MARGINWATCH_SECRET_KEY ??= randomBytes(32).toString('base64');
  const database = await open();
  pointProcessAt(database);
  const demo = await loadScenario('demo');
  const scenario = variant ? variant(demo) : demo;
  const sim = await startSimulator({ port: 0, scenario });
  const masterId = await seedDemoConnection(database.db, scenario, sim.url);
  await runRefresh(masterId, 'manual');
  return {
    database,
    masterId,
    sim,
    async close() {
      await sim.close();
      await database.close();
    },
  };
}

export const email = (name: string) => `${name}@fundx.example`;
