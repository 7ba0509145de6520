import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { dataDir, demoCredential } from './support';

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else yield full;
  }
}

// Runs after `npm start` built the app for this run: nothing secret may have been inlined into what
// the browser downloads.
test('no secret, demo or real, is in the client bundle', () => {
  const sealingKey = readFileSync(path.join(dataDir(), 'secret.key'), 'utf8').trim();
  const authSecret = readFileSync(path.join(dataDir(), 'auth-secret'), 'utf8').trim();
  const needles = [
    sealingKey,
    Buffer.from(sealingKey, 'base64').toString('hex'),
    authSecret,
    demoCredential('owner').password,
    demoCredential('ops').password,
    // Any argon2id hash at all: the seeded users' hashes start with this.
    '$argon2id$',
  ];
  const bundle = [...files(path.join(process.env.NEXT_DIST_DIR || '.next', 'static'))];
  expect(bundle.length).toBeGreaterThan(10);
  for (const file of bundle) {
    const text = readFileSync(file, 'latin1');
    for (const needle of needles) expect(text.includes(needle), `${needle.slice(0, 6)}… found in ${file}`).toBe(false);
  }
});
