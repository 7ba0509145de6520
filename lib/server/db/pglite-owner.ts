import 'server-only';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Which process has an embedded (PGlite) database folder open. PGlite is one process at a time and its own
 * postmaster.pid names no real process, so the app records itself beside the folder while it has it open;
 * backup and restore read it (docs/production.md, Backups). A crashed process leaves the file: a dead pid
 * on this host does not count.
 */
type Owner = { pid: number; host: string; since: string };

const ownerFile = (dataDir: string) => `${dataDir}.owner`;

export function claimFolder(dataDir: string): () => void {
  const file = ownerFile(dataDir);
  writeFileSync(file, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() } satisfies Owner));
  return () => rmSync(file, { force: true });
}

/** The live process holding the folder open, or null (none recorded, or it is gone). */
export function liveOwner(dataDir: string): Owner | null {
  let owner: Owner;
  try {
    owner = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as Owner;
  } catch {
    return null;
  }
  // Another host sharing the folder cannot be checked from here: count it as live.
  if (owner.host !== os.hostname()) return owner;
  try {
    process.kill(owner.pid, 0);
    return owner;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? owner : null;
  }
}
