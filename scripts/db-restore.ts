import './lib/uncaught';
import { restorePglite } from '@/lib/server/db/backup';
import { backupCommand } from './lib/backup-cli';

// `npm run db:restore -- <file>`: replaces the embedded database with a backup; refused while the app runs.
await backupCommand('db:restore', async (file, dataDir) => {
  const { previous } = await restorePglite(file, dataDir);
  return `Restored ${file} into ${dataDir}.${previous ? ` The database it replaced is kept at ${previous}.` : ''} Start marginwatch: it applies any newer migrations.`;
});
