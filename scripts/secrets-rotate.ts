import './lib/uncaught';
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PREVIOUS_KEY_FILE, loadKeyring } from '@/lib/server/crypto/keyring';
import { resealAll } from '@/lib/server/crypto/rotate';
import { openDatabase } from '@/lib/server/db/client';
import { dataDir } from '@/lib/server/demo-files';
import { bootstrapEnv } from './lib/bootstrap';

/**
 * Outside demo mode: set MARGINWATCH_SECRET_KEY to the new key and MARGINWATCH_SECRET_KEY_PREVIOUS to the
 * old one, run this, then drop the old key. In demo mode the new key is generated here; the old one is
 * kept in secret.key.previous until every secret has moved, so a crash half-way loses nothing.
 */
const env = bootstrapEnv();
const demoKeyFile = env.demo && !env.MARGINWATCH_SECRET_KEY ? path.join(dataDir(), 'secret.key') : null;
if (demoKeyFile) {
  const previous = path.join(dataDir(), DEMO_PREVIOUS_KEY_FILE);
  if (!existsSync(previous)) {
    renameSync(demoKeyFile, previous);
    writeFileSync(demoKeyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
}

const keyring = loadKeyring();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(path.resolve(env.DATA_DIR), 'pglite') });
try {
  const { resealed, unchanged } = await resealAll(database.db, keyring);
  console.log(`Re-sealed ${resealed} secret(s) under key ${keyring.current.id}; ${unchanged} already were.`);
  if (demoKeyFile) rmSync(path.join(dataDir(), DEMO_PREVIOUS_KEY_FILE));
  else if (env.MARGINWATCH_SECRET_KEY_PREVIOUS) console.log('Every secret is under the new key: MARGINWATCH_SECRET_KEY_PREVIOUS can be removed.');
} finally {
  await database.close();
}
