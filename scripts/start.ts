import path from 'node:path';
import { openDatabase } from '@/lib/server/db/client';
import { seedDemoUsers } from '@/lib/server/demo-users';
import { startSimulator } from '@/sim/server';
import { loadScenario } from '@/sim/scenario';
import { bootstrapEnv } from './lib/bootstrap';
import { buildIfNeeded } from './lib/build-if-needed';
import { credentialsBox, waitUntilReady } from './lib/credentials-box';
import { seedDemoConnection } from './lib/seed-demo';
import { logger } from '@/lib/server/log/logger';
import { supervise } from './lib/supervise';

const log = logger('launcher');

// This process is the one a process manager runs (docs/production.md): exit codes and signals are its job.
let closeSimulator: () => Promise<void> = async () => {};
const launcher = supervise(() => closeSimulator());
const env = bootstrapEnv();

// Demo mode: the bundled Binance-compatible simulator plays the exchange, on loopback only.
// Its state is kept in the data folder beside the database, so a restart finds the exchange the stored history
// describes (an exit confirmed stays confirmed); README "Demo mode" says how to start over.
const simulator = env.demo
  ? await startSimulator({
      port: env.MARGINWATCH_SIM_PORT,
      host: '127.0.0.1',
      scenario: await loadScenario(env.MARGINWATCH_DEMO_SCENARIO),
      statePath: path.join(path.resolve(env.DATA_DIR), 'simulator-state.json'),
    })
  : null;
if (simulator) {
  closeSimulator = () => simulator.close();
  log.info({ url: simulator.url, restored: simulator.restored }, `Demo exchange (simulator) on ${simulator.url}, ${simulator.restored ? 'as it was when last stopped' : 'from its scenario'}`);
}
if (launcher.stopping) await launcher.exit(0);

// Migrate (and seed in demo mode) before Next.js opens the database: an embedded PGlite folder must only
// ever be open in one process at a time, so this handle is closed before the server starts.
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(path.resolve(env.DATA_DIR), 'pglite') });
log.info({ driver: database.driver }, `Database ready (${database.driver}${database.driver === 'pglite' ? `, ${path.resolve(env.DATA_DIR)}` : ''}).`);
const creds = env.demo && simulator ? await seedDemoUsers(database.db) : [];
if (env.demo && simulator) await seedDemoConnection(database.db, await loadScenario(env.MARGINWATCH_DEMO_SCENARIO), simulator.url);
await database.close();
if (launcher.stopping) await launcher.exit(0);

if (!env.MARGINWATCH_SKIP_BUILD) buildIfNeeded();
if (launcher.stopping) await launcher.exit(0);

// Next.js leaves the stop signals to instrumentation (lib/server/shutdown.ts), which drains before exiting.
const server = launcher.run(path.join('node_modules', '.bin', 'next'), ['start', '-p', String(env.PORT), '-H', env.HOST], { ...process.env, NEXT_MANUAL_SIG_HANDLE: 'true' });
const url = `http://${env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${env.PORT}`;
log.info(`marginwatch on ${url}`);

// For the person at the terminal, not the log (demo mode only: production seeds no user). Printed last, once the
// server is ready and its first refresh has landed, so the build and start-up lines cannot scroll it away.
if (creds.length > 0) {
  const local = ['0.0.0.0', '::'].includes(env.HOST) ? '127.0.0.1' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const gone = () => launcher.stopping || server.exitCode !== null || server.signalCode !== null;
  if (await waitUntilReady(`http://${local}:${env.PORT}/api/health/ready`, gone)) console.log(`\n${credentialsBox(url, creds)}\n`);
}
