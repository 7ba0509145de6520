import 'server-only';
import { getDb } from '../db/client';
import { exitOrchestrator, type ExitOrchestrator } from './orchestrator';

export { assertSelectable } from './selection';
export { repayLiability } from './repay';
export { exitOverview, exitRunView } from './views';

// One orchestrator (one instance id, one lease owner) per process, whichever bundle asks.
const holder = globalThis as typeof globalThis & { __marginwatchExit?: Promise<ExitOrchestrator> };

export function appExitOrchestrator(): Promise<ExitOrchestrator> {
  holder.__marginwatchExit ??= getDb().then((db) => exitOrchestrator({ db }));
  return holder.__marginwatchExit;
}
