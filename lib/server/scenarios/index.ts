import 'server-only';
import type { ScenarioList } from '@/lib/contracts/scenarios';
import { notFound } from '../api/errors';
import { assetsHeld } from './run';
import { listScenarios } from './store';
import type { Db } from '../db/client';
import { currentMaster, type MasterRow } from '../views/latest';

export { assetsHeld, runScenario } from './run';
export { deleteScenario, listScenarios, saveScenario } from './store';
export { readWorstMoves } from './worst-moves';

/** Scenarios belong to the master pages show; before one is stored there is nothing to run them on. */
export async function scenarioMaster(db: Db): Promise<MasterRow> {
  const master = await currentMaster(db);
  if (!master) throw notFound('A master connection');
  return master;
}

/** GET /api/scenarios and the page's first HTML: the saved scenarios and the assets the form offers. */
export async function scenarioList(db: Db): Promise<ScenarioList> {
  const master = await currentMaster(db);
  if (!master) return { scenarios: [], assets: [] };
  const [scenarios, assets] = await Promise.all([listScenarios(db, master.id), assetsHeld(db, master.id)]);
  return { scenarios, assets };
}
