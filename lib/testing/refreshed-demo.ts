// Test-only: the demo scenario on a real simulator, stored and refreshed once on the first test database.
import { setDatabaseForTesting, type Database } from '@/lib/server/db/client';
import { runRefresh } from '@/lib/server/refresh/run-refresh';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { loadScenario } from '@/sim/scenario';
import { startSimulator } from '@/sim/server';
import { testDatabases } from './databases';

export interface RefreshedDemo {
  database: Database;
  masterId: string;
  simUrl: string;
  close(): Promise<void>;
}

export async function openRefreshedDemo(): Promise<RefreshedDemo> {
  const database = await testDatabases()[0]!.open();
  setDatabaseForTesting(database);
  const scenario = await loadScenario('demo');
  const sim = await startSimulator({ port: 0, scenario });
  const masterId = await seedDemoConnection(database.db, scenario, sim.url);
  await runRefresh(masterId, 'manual');
  return {
    database,
    masterId,
    simUrl: sim.url,
    close: async () => {
      await sim.close();
      await database.close();
    },
  };
}
