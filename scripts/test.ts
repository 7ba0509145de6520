import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import path from 'node:path';
import { ensureChromium } from './lib/chromium';

/**
 * `npm test`: typecheck, lint (eslint and the import direction), Vitest, then Playwright, and one plain closing line with the real totals
 * of every suite (`N passed, N failed, N skipped`), because CI reads neither Vitest's nor Playwright's
 * summary. Every step runs even after a failure, so one run shows everything that is wrong.
 */
interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const report = path.join('test-results', 'reports');
rmSync(report, { recursive: true, force: true });
mkdirSync(report, { recursive: true });
const bin = (name: string) => path.join('node_modules', '.bin', name);

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** Runs a step with its output held back, so steps running side by side print one after the other. */
function runQuietly(name: string, label: string, cmd: string, args: string[]): Promise<{ name: string; label: string; ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ name, label, ok: false, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ name, label, ok: code === 0, output }));
  });
}

function countStep(label: string, ok: boolean) {
  if (ok) total.passed++;
  else total.failed++;
  console.log(`${ok ? '✓' : '✗'} ${label}`);
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

/** Distinct free loopback ports: all listeners stay open until every port is known. */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<Server>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

process.env.NEXT_TELEMETRY_DISABLED = '1';

// The browser suite needs Chromium: install it now, or stop now with the command, not after the unit suite.
const chromium = ensureChromium();
if (!chromium.ok) {
  console.error(`\n${chromium.message}`);
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

// The static checks each use one core and read the same files: side by side they take about as long as eslint alone.
const checks = await Promise.all([
  runQuietly('typecheck', 'typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.']),
  runQuietly('lint', 'lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']),
  // The import direction of docs/architecture.md (dependency-cruiser, .dependency-cruiser.cjs).
  runQuietly('import direction', 'import direction (dependency-cruiser)', 'npm', ['run', '--silent', 'lint:imports']),
]);
for (const step of checks) {
  console.log(`\n▶ ${step.label}`);
  process.stdout.write(step.output);
  countStep(step.name, step.ok);
}

const vitestFile = path.join(report, 'vitest.json');
const vitestOk = run('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestFile);
if (vitest) {
  total.passed += vitest.numPassedTests;
  total.failed += vitest.numFailedTests;
  total.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
// A crash before any report (a suite that fails to import, say) still counts as a failure.
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) total.failed++;

const playwrightFile = path.join(report, 'playwright.json');
const [appPort, simPort] = await freePorts(2);
const playwrightOk = run('browser tests (playwright)', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightFile,
  E2E_PORT: String(appPort),
  E2E_SIM_PORT: String(simPort),
});
const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightFile);
if (playwright) {
  total.passed += playwright.stats.expected;
  total.failed += playwright.stats.unexpected + playwright.stats.flaky;
  total.skipped += playwright.stats.skipped;
}
if (!playwrightOk && (!playwright || playwright.stats.unexpected === 0)) total.failed++;

console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
