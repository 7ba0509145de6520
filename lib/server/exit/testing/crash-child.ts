/**
 * Crash-test fixture, run in a child process with tsx: plays one orchestrator "instance". With a boundary
 * it kills its own process (SIGKILL: no cleanup, no finally) when the orchestrator reaches that point;
 * with `resume` it takes the run over as a restarted server does (the resume sweep) and drives it to the end.
 *   tsx --conditions=react-server crash-child.ts <crash:boundary | resume> <masterId> <account>
 * Database: DATABASE_URL (PostgreSQL) or PGLITE_DIR (a PGlite folder the previous process left behind).
 */
import { openDatabase, setDatabaseForTesting } from '@/lib/server/db/client';
import type { ExitHooks } from '../context';
import { exitOrchestrator } from '../orchestrator';
import { resumeLapsedRuns } from '../resumer';
import { activeRun } from '../store';
import { exitRunView } from '../views';

const [mode, masterId, account] = process.argv.slice(2) as [string, string, string];
const actor = { id: null, email: 'owner@crash.test', role: 'owner' as const };
const die = () => void process.kill(process.pid, 'SIGKILL');

async function main() {
  const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.PGLITE_DIR! });
  setDatabaseForTesting(database);
  const db = database.db;
  const boundary = mode.startsWith('crash:') ? (mode.slice('crash:'.length) as keyof ExitHooks) : null;
  // The crashing instance holds a lease of 1 ms, so the restarted one may take the run over at once.
  const orchestrator = exitOrchestrator({ db, hooks: boundary ? { [boundary]: die } : {}, leaseMs: boundary ? 1 : undefined });

  if (boundary) {
    const started = await orchestrator.start(masterId, [account], actor);
    await started.done;
    const view = await exitRunView(db, started.run.id);
    if (view?.phase === 'keys_deleted') await (await orchestrator.exit(view.id, view.version, 'EXIT', actor)).done;
  } else {
    const run = await activeRun(db, masterId);
    if (!run) throw new Error('no unfinished run to resume');
    // The restarted server's own path: the sweep finds the lapsed run and finishes its step.
    const resumed = await resumeLapsedRuns();
    if (resumed !== 1) throw new Error(`expected the sweep to resume 1 run, it resumed ${resumed}`);
    const view = await exitRunView(db, run.id);
    if (view?.phase === 'keys_deleted') await (await orchestrator.exit(view.id, view.version, 'EXIT', actor)).done;
  }
  await database.close();
  console.log('child finished');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
