import './lib/uncaught';
import { backupPglite } from '@/lib/server/db/backup';
import { backupCommand } from './lib/backup-cli';

// `npm run db:backup -- <file>`: a consistent copy of the embedded database, taken while the app is stopped.
await backupCommand('db:backup', async (file, dataDir) => {
  const { bytes } = await backupPglite(dataDir, file);
  return `Backed up ${dataDir} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB). The sealing key is not in it: keep MARGINWATCH_SECRET_KEY (demo: .data/secret.key) apart.`;
});
