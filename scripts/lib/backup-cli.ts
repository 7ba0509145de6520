import path from 'node:path';
import { EnvError, getEnv } from '@/lib/env';
import { BackupRefused } from '@/lib/server/db/backup';

/**
 * What `npm run db:backup` and `db:restore` share: the file argument, the embedded database's folder, and
 * the exits (1: refused or failed, with the reason; 2: PostgreSQL, whose own tools do this, named).
 */
export async function backupCommand(name: string, work: (file: string, dataDir: string) => Promise<string>): Promise<void> {
  try {
    const env = getEnv();
    if (env.DATABASE_URL) {
      console.error('DATABASE_URL is set: back up and restore PostgreSQL with its own tools (docs/production.md, Backups):\n'
        + '  pg_dump -Fc "$DATABASE_URL" > marginwatch.dump\n  pg_restore --no-owner --clean --if-exists -d "$DATABASE_URL" marginwatch.dump');
      process.exit(2);
    }
    const file = process.argv[2];
    if (!file) {
      console.error(`Usage: npm run ${name} -- <file>`);
      process.exit(1);
    }
    console.log(await work(path.resolve(file), path.join(path.resolve(env.DATA_DIR), 'pglite')));
  } catch (error) {
    if (error instanceof BackupRefused || error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
