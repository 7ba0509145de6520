import { spawn } from 'node:child_process';
import { openDatabase } from '@/lib/server/db/client';
import { seedDemoUsers } from '@/lib/server/demo-users';
import { bootstrapEnv } from './lib/bootstrap';
import { buildIfNeeded } from './lib/build-if-needed';
import path from 'node:path';

const env = bootstrapEnv();

// Migrate (and seed in demo mode) before Next.js opens the database: an embedded PGlite folder must only
// ever be open in one process at a time, so this handle is closed before the server starts.
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(path.resolve(env.DATA_DIR), 'pglite') });
console.log(`Database ready (${database.driver}${database.driver === 'pglite' ? `, ${path.resolve(env.DATA_DIR)}` : ''}).`);
if (env.demo) {
  const creds = await seedDemoUsers(database.db);
  console.log('Demo mode: sign in with');
  for (const c of creds) console.log(`  ${c.role.padEnd(5)}  ${c.email}  /  ${c.password}`);
}
await database.close();

buildIfNeeded();

const server = spawn('npx', ['next', 'start', '-p', String(env.PORT), '-H', env.HOST], { stdio: 'inherit', env: process.env });
console.log(`marginwatch on http://${env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${env.PORT}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));
