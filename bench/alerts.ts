/**
 * Alerts benchmark (issue 16). Run: `npx tsx --conditions=react-server bench/alerts.ts`.
 * 1. What the default rules add to a refresh of 1,000 accounts: the pure evaluation, and the whole
 *    database step (facts → states → alerts → outbox, in the refresh's final transaction) on PGlite, beside
 *    the refresh's own final write for scale. Steady state: most refreshes raise nothing new.
 * 2. Refresh → webhook: the demo against the simulator, the app's sender loop running, a local receiver;
 *    the price falls and recovers in turn so alerts fire every other refresh. Latency = arrival at the
 *    receiver − the alert's raisedAt (the refresh's final transaction).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_RULES, evaluateAlerts, type AccountFacts, type MasterFacts } from '../lib/alerts';
import { openDatabase, setDatabaseForTesting } from '../lib/server/db/client';
import { refreshRuns } from '../lib/server/db/schema';
import { raiseAlerts } from '../lib/server/alerts/raise';
import { createChannel } from '../lib/server/alerts/channels';
import { startAlertSender } from '../lib/server/alerts/sender';
import { runRefresh } from '../lib/server/refresh/run-refresh';
import { seedDemoConnection } from '../scripts/lib/seed-demo';
import { startSimulator } from '../sim/server';
import { loadScenario } from '../sim/scenario';
import { mulberry32 as rng } from '../sim/prng';
import { DEFAULT_RISK_CONFIG } from '../lib/risk/config';

process.env.MARGINWATCH_SECRET_KEY ??= randomBytes(32).toString('base64');
process.env.MARGINWATCH_DEMO = 'true';

const ACCOUNTS = 1000;
const RUNS = 25;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

function facts(): AccountFacts[] {
  const rand = rng(7);
  return Array.from({ length: ACCOUNTS }, (_, i) => ({
    email: `sub${i}@desk.example`, labels: i % 10 === 0 ? ['asia'] : [],
    status: rand() < 0.05 ? 'MARGIN_CALL' : 'NORMAL', marginLevel: (1.1 + rand() * 3).toFixed(8),
    liquidation: { distance: rand() * 0.6, direction: 'DOWN' as const, pair: null },
    curve: DEFAULT_RISK_CONFIG.shocks.map((shock) => ({ shock, owed: shock < -0.2 ? rand() * 50_000 : 0 })),
    outstandingLoanUsd: rand() < 0.02 ? (rand() * 100_000).toFixed(2) : '0',
    bound: rand() < 0.5, keysTotal: Math.floor(rand() * 31), idleSpecialKeys: rand() < 0.05 ? 1 : 0, outsideKeyChanges: { appeared: [], disappeared: [] }, dataAgeMinutes: rand() * 2,
  }));
}

async function engineAndDatabase() {
  const accounts = facts();
  const master: MasterFacts = { curve: accounts[0]!.curve, refreshFailingMinutes: null, exitHalfDoneMinutes: null };
  const pure: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    evaluateAlerts(DEFAULT_RULES, accounts, master, new Map());
    pure.push(performance.now() - t);
  }
  const database = await openDatabase({});
  setDatabaseForTesting(database);
  const db = database.db;
  const [run] = await db.insert(refreshRuns).values({ masterId: crypto.randomUUID(), trigger: 'manual', status: 'running' }).returning();
  const masterId = run!.masterId;
  const t0 = performance.now();
  const first = await db.transaction((tx) => raiseAlerts(tx as never, { masterId, refreshId: run!.id, accounts, master }));
  const firstMs = performance.now() - t0;
  const steady: number[] = [];
  const finalWrite: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await db.transaction((tx) => raiseAlerts(tx as never, { masterId, refreshId: run!.id, accounts, master }));
    steady.push(performance.now() - t);
    t = performance.now();
    await db.transaction(async (tx) => { await tx.update(refreshRuns).set({ heartbeatAt: new Date(), currentStep: null }); });
    finalWrite.push(performance.now() - t);
  }
  await database.close();
  console.log(`default rules (${DEFAULT_RULES.length}) × ${ACCOUNTS} accounts, median of ${RUNS}:`);
  console.log(`  pure evaluation                      ${median(pure).toFixed(2)} ms`);
  console.log(`  database step, steady (nothing new)  ${median(steady).toFixed(2)} ms   (the refresh's own final write alone: ${median(finalWrite).toFixed(2)} ms)`);
  console.log(`  database step, first refresh         ${firstMs.toFixed(1)} ms, raising ${first.alertIds.length} alerts (once per desk)`);
  console.log(`  goal: < 5 ms added to a refresh → ${median(steady) < 5 ? 'met' : 'missed'}`);
}

async function refreshToWebhook() {
  const latencies: number[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const arrived = Date.now();
      const { alert } = JSON.parse(body) as { alert: { raisedAt: string } };
      latencies.push(arrived - Date.parse(alert.raisedAt));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const scenario = await loadScenario('demo');
  const sim = await startSimulator({ port: 0, scenario });
  const database = await openDatabase({});
  setDatabaseForTesting(database);
  const masterId = await seedDemoConnection(database.db, scenario, sim.url);
  await runRefresh(masterId, 'manual');
  await createChannel(database.db, { kind: 'webhook', name: 'bench', format: 'generic', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, signingSecret: 'bench-secret-0123456789' }, 'bench');
  startAlertSender();
  const CYCLES = 12;
  for (let i = 0; i < CYCLES; i++) {
    await fetch(`${sim.url}/__sim/prices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shock: i % 2 === 0 ? '-0.1' : '0.111111' }) });
    const expected = latencies.length;
    await runRefresh(masterId, 'manual');
    // Let the deliveries of a refresh that raised something land before the next shock.
    const until = Date.now() + 5_000;
    while (i % 2 === 0 && latencies.length === expected && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 1_000));
  console.log(`refresh → webhook (${latencies.length} alerts over ${CYCLES} refreshes, sender loop with wake-up):`);
  console.log(`  p50 ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, max ${Math.max(...latencies)} ms   goal p95 < 1,000 ms → ${pct(latencies, 95) < 1000 ? 'met' : 'missed'}`);
  server.close();
  await sim.close();
  await database.close();
}

await engineAndDatabase();
await refreshToWebhook();
process.exit(0);
