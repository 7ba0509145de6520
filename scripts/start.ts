import { spawn } from 'node:child_process';
import path from 'node:path';
import { openDatabase } from '@/lib/server/db/client';
import { seedDemoUsers } from '@/lib/server/demo-users';
import { startSimulator } from '@/sim/server';
import { loadScenario } from '@/sim/scenario';
import { bootstrapEnv } from './lib/bootstrap';
import { buildIfNeeded } from './lib/build-if-needed';
import { seedDemoConnection } from './lib/seed-demo';

const env = bootstrapEnv();

// Demo mode: the bundled Binance-compatible simulator plays the exchange, on loopback only.
const simulator = env.demo
  ? await startSimulator({ port: env.MARGINWATCH_SIM_PORT, host: '127.0.0.1', scenario: await loadScenario(env.MARGINWATCH_DEMO_SCENARIO) })
  : null;
if (simulator) console.log(`Demo exchange (simulator) on ${simulator.url}`);

// Migrate (and seed in demo mode) before Next.js opens the database: an embedded PGlite folder must only
// ever be open in one process at a time, so this handle is closed before the server starts.
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(path.resolve(env.DATA_DIR), 'pglite') });
console.log(`Database ready (${database.driver}${database.driver === 'pglite' ? `, ${path.resolve(env.DATA_DIR)}` : ''}).`);
if (env.demo && simulator) {
  const creds = await seedDemoUsers(database.db);
  await seedDemoConnection(database.db, await loadScenario(env.MARGINWATCH_DEMO_SCENARIO), simulator.url);
  console.log('Demo mode: sign in with');
  for (const c of creds) console.log(`  ${c.role.padEnd(5)}  ${c.email}  /  ${c.password}`);
}
await database.close();

if (!env.MARGINWATCH_SKIP_BUILD) buildIfNeeded();

const next = path.join('node_modules', '.bin', 'next');
const server = spawn(next, ['start', '-p', String(env.PORT), '-H', env.HOST], { stdio: 'inherit', env: process.env });
console.log(`marginwatch on http://${env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${env.PORT}`);

async function shutdown(signal: NodeJS.Signals) {
  server.kill(signal);
  await simulator?.close();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
server.on('exit', async (code) => {
  await simulator?.close();
  process.exit(code ?? 0);
});
