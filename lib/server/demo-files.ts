import 'server-only';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';

export function dataDir(): string {
  return path.resolve(getEnv().DATA_DIR);
}

/**
 * Demo mode keeps its generated secrets in the data folder, readable only by this user. Outside demo
 * mode nothing is generated: a missing secret is a configuration error caught by lib/env.
 */
export function readOrCreateDemoFile(name: string, create: () => string): string {
  if (!getEnv().demo) throw new Error(`${name} is only generated in demo mode`);
  const dir = dataDir();
  const file = path.join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const value = create();
  try {
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Two instances started together on one data folder (docs/production.md, "Two or more instances"): the
    // first to write wins and both use its value.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
  return value;
}
