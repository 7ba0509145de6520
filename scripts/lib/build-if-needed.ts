import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['app', 'components', 'lib', 'public', 'proxy.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs'];
const distDir = () => process.env.NEXT_DIST_DIR || '.next';

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) {
    if (/\.test\.tsx?$/.test(name)) continue;
    yield* files(path.join(entry, name));
  }
}

// `next build` rewrites tsconfig.json's include list for a custom distDir (its types folder): only the compiler
// options shape the build, and hashing the rest would make every build after such a rewrite look stale.
function contentOf(file: string): string | Buffer {
  if (file !== 'tsconfig.json') return readFileSync(file);
  return JSON.stringify((JSON.parse(readFileSync(file, 'utf8')) as { compilerOptions?: unknown }).compilerOptions);
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) for (const file of files(input)) hash.update(file).update(contentOf(file));
  return hash.digest('hex');
}

/** `npm start` builds only when the sources changed since the last build, so a restart is quick. */
export function buildIfNeeded(): void {
  const hash = sourceHash();
  const stamp = path.join(distDir(), 'marginwatch-build-hash');
  if (existsSync(path.join(distDir(), 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('Building marginwatch (sources changed since the last build)…');
  const result = spawnSync(path.join('node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, hash);
}
