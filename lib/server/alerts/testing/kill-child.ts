/**
 * Crash-test fixture, run in a child process with tsx: one app instance with its alert sender running. It
 * refreshes, and kills its own process (SIGKILL: no cleanup) the moment the refresh's transaction has
 * committed the alerts and their outbox rows, before the sender can send any.
 *   node --import tsx kill-child.ts <masterId>     (database: DATABASE_URL or PGLITE_DIR)
 */
import { openDatabase, setDatabaseForTesting } from '@/lib/server/db/client';
import { runRefresh } from '../../refresh/run-refresh';
import { startAlertSender } from '../sender';
import { onWake } from '../wake';

const [masterId] = process.argv.slice(2) as [string];

async function main() {
  const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.PGLITE_DIR! });
  setDatabaseForTesting(database);
  // Registered before the sender's own wake-up, so it runs first.
  onWake(() => void process.kill(process.pid, 'SIGKILL'));
  startAlertSender();
  await runRefresh(masterId, 'manual');
  console.log('refresh finished without raising an alert');
  process.exit(3);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
