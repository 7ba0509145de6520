import 'server-only';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { liveOwner } from './pglite-owner';

/** A backup or restore that must not run: the message says what to do instead. */
export class BackupRefused extends Error {}

function refuseIfOpen(dataDir: string, doing: string): void {
  const owner = liveOwner(dataDir);
  if (owner) {
    throw new BackupRefused(`marginwatch has ${dataDir} open (process ${owner.pid} on ${owner.host} since ${owner.since}): stop it before ${doing} (e.g. systemctl stop marginwatch). The embedded database is one process at a time.`);
  }
}

/**
 * Writes a consistent copy of the embedded database to `file` (PGlite's own data-folder archive, gzip):
 * the folder is opened by this process alone, so no write can land half-way through the copy.
 */
export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!existsSync(dataDir)) throw new BackupRefused(`No embedded database at ${dataDir}: check DATA_DIR.`);
  refuseIfOpen(dataDir, 'backing up');
  const client = new PGlite(dataDir);
  try {
    // dumpDataDir on a folder still starting up never answers: wait until it is open.
    await client.waitReady;
    const archive = await client.dumpDataDir('gzip');
    const bytes = Buffer.from(await archive.arrayBuffer());
    // Written beside the target first: an interrupted backup never leaves a truncated file under its name.
    writeFileSync(`${file}.partial`, bytes);
    renameSync(`${file}.partial`, file);
    return { bytes: bytes.length };
  } finally {
    await client.close();
  }
}

/**
 * Replaces the embedded database with a backup. The archive is unpacked into a new folder and opened
 * there first (a damaged file changes nothing); the folder it replaces is kept beside it, renamed.
 * Newer migrations than the backup's are applied by the next start, as after any upgrade.
 */
export async function restorePglite(file: string, dataDir: string): Promise<{ previous: string | null }> {
  if (!existsSync(file)) throw new BackupRefused(`No backup file at ${file}.`);
  refuseIfOpen(dataDir, 'restoring over it');
  const staging = `${dataDir}.restoring`;
  rmSync(staging, { recursive: true, force: true });
  const client = new PGlite(staging, { loadDataDir: new Blob([readFileSync(file)]) });
  try {
    await client.query('select count(*) from drizzle.__drizzle_migrations');
  } catch (error) {
    await client.close().catch(() => {});
    rmSync(staging, { recursive: true, force: true });
    throw new BackupRefused(`${file} is not a marginwatch database backup (${error instanceof Error ? error.message : String(error)}); nothing was changed.`);
  }
  await client.close();
  let previous: string | null = null;
  if (existsSync(dataDir)) {
    previous = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, previous);
  }
  renameSync(staging, dataDir);
  return { previous: previous && path.resolve(previous) };
}
