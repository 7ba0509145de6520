import 'server-only';
import { randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir, readOrCreateDemoFile } from '@/lib/server/demo-files';
import { sealingKeyFrom, type SealingKey } from './seal';

export interface Keyring {
  current: SealingKey;
  /** Every key that may still unseal a stored value: current first, then previous ones during a rotation. */
  all: SealingKey[];
}

/**
 * The sealing key comes from MARGINWATCH_SECRET_KEY; in demo mode it is generated once into
 * `<DATA_DIR>/secret.key` (mode 0600) so a demo needs no setup.
 */
export function loadKeyring(): Keyring {
  const env = getEnv();
  const raw = env.MARGINWATCH_SECRET_KEY
    ? Buffer.from(env.MARGINWATCH_SECRET_KEY, 'base64')
    : Buffer.from(readOrCreateDemoFile('secret.key', () => randomBytes(32).toString('base64')), 'base64');
  const current = sealingKeyFrom(raw);
  const previous = [...(env.MARGINWATCH_SECRET_KEY_PREVIOUS ?? '').split(','), ...demoPreviousKey()]
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => sealingKeyFrom(Buffer.from(k, 'base64')));
  return { current, all: [current, ...previous.filter((k) => k.id !== current.id)] };
}

/** During a demo-mode rotation the old key waits in `secret.key.previous` until every secret moved. */
export const DEMO_PREVIOUS_KEY_FILE = 'secret.key.previous';

function demoPreviousKey(): string[] {
  if (!getEnv().demo || getEnv().MARGINWATCH_SECRET_KEY) return [];
  const file = path.join(dataDir(), DEMO_PREVIOUS_KEY_FILE);
  return existsSync(file) ? [readFileSync(file, 'utf8').trim()] : [];
}
