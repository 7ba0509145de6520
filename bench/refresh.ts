/**
 * Full refresh of a large master against the simulator with injected latency. Prints wall time,
 * requests, weight per endpoint and scope, 429s, the lower bound the weight limits and the latency
 * impose at the client's concurrency, and resident memory idle vs during the refresh.
 *   npx tsx --conditions=react-server bench/refresh.ts [--subs 1000] [--latency-ms 30]
 * Not a test: it prints figures (README "Performance").
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openDatabase, setDatabaseForTesting } from '@/lib/server/db/client';
import { refreshRuns } from '@/lib/server/db/schema';
import type { ClientStats } from '@/lib/server/exchange';
import { ENDPOINTS, SCOPE_LIMITS, DEFAULT_SAFETY_MARGIN } from '@/lib/server/exchange';
import { runRefresh } from '@/lib/server/refresh/run-refresh';
import { loadScenario } from '@/sim/scenario';
import { startSimulator } from '@/sim/server';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';

const { values } = parseArgs({ options: { subs: { type: 'string', default: '1000' }, 'latency-ms': { type: 'string', default: '30' } } });
const subs = Number(values.subs);
const latencyMs = Number(values['latency-ms']);
const ACCOUNT_CONCURRENCY = 8; // as in lib/server/refresh/run-refresh.ts

process.env.MARGINWATCH_SECRET_KEY ||= randomBytes(32).toString('base64');
const dir = mkdtempSync(path.join(tmpdir(), 'marginwatch-bench-'));
const scenarioFile = path.join(dir, 'scenario.json');
writeFileSync(scenarioFile, execFileSync(path.join('node_modules', '.bin', 'tsx'), ['sim/gen.ts', '--subs', String(subs), '--seed', '1'], { maxBuffer: 256 << 20 }));
const scenario = await loadScenario(scenarioFile);

const sim = await startSimulator({ port: 0, scenario, latencyMs });
const database = await openDatabase({ dataDir: path.join(dir, 'pglite') });
setDatabaseForTesting(database);
const masterId = await seedDemoConnection(database.db, scenario, sim.url);

global.gc?.();
const idleRss = process.memoryUsage().rss;
let peakRss = idleRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const startedAtMs = Date.now();
const started = performance.now();
const { runId, status } = await runRefresh(masterId, 'manual');
const wallMs = performance.now() - started;
clearInterval(sampler);

const [run] = await database.db.select().from(refreshRuns).where(eq(refreshRuns.id, runId));
const stats = run!.stats as unknown as ClientStats;

// Lower bounds. Latency: ACCOUNT_CONCURRENCY accounts at a time, each needing at least 3 round trips in a
// row (clock sync, PM Pro probe, then its other reads side by side).
const ROUND_TRIPS_PER_ACCOUNT = 3;
const latencyBoundMs = Math.ceil(subs / ACCOUNT_CONCURRENCY) * ROUND_TRIPS_PER_ACCOUNT * latencyMs;
// Weight: budgets count per fixed clock minute (Binance: "a 1 MINUTE interval starts every minute"). An
// endpoint needing more than its allowance (limit × safety margin) must wait for the next minute(s).
const toNextMinuteMs = 60_000 - (startedAtMs % 60_000);
let weightBoundMs = 0;
for (const [label, weight] of Object.entries(stats.weightByEndpoint)) {
  const def = Object.values(ENDPOINTS).find((e) => `${e.method} ${e.path}` === label);
  if (!def || def.scope === 'SAPI_UID') continue; // UID budgets are per account: never the bottleneck here
  const perMinute = SCOPE_LIMITS[def.scope] * DEFAULT_SAFETY_MARGIN;
  const boundaries = Math.ceil(weight / perMinute) - 1;
  if (boundaries > 0) weightBoundMs = Math.max(weightBoundMs, toNextMinuteMs + (boundaries - 1) * 60_000);
}
const boundMs = Math.max(latencyBoundMs, weightBoundMs);

const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
console.log(`refresh of ${subs} sub-accounts, ${latencyMs} ms latency, concurrency ${ACCOUNT_CONCURRENCY}: ${status}`);
console.log(`wall time            ${(wallMs / 1000).toFixed(1)} s`);
console.log(`lower bound          ${(boundMs / 1000).toFixed(1)} s (latency ${(latencyBoundMs / 1000).toFixed(1)} s, weight limits ${(weightBoundMs / 1000).toFixed(1)} s) → ${(wallMs / boundMs).toFixed(2)}× the bound`);
console.log(`requests             ${stats.requests} (${stats.retries} retries, ${stats.rateLimited429} × 429, ${stats.banned418} × 418)`);
console.log(`weight by scope      ${JSON.stringify(stats.weightByScope)}`);
console.log('weight by endpoint');
for (const [label, weight] of Object.entries(stats.weightByEndpoint).sort((a, b) => b[1] - a[1])) console.log(`  ${label.padEnd(48)} ${weight}`);
console.log(`resident memory      idle ${mb(idleRss)}, peak during refresh ${mb(peakRss)} (+${mb(peakRss - idleRss)})`);

await sim.close();
await database.close();
rmSync(dir, { recursive: true, force: true });
