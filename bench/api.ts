/**
 * API load benchmark (issue 6): the real app (production build, `next start`) in demo mode on a generated
 * scenario of 1,000 sub-accounts, refreshed from the simulator into its embedded database; 50 signed-in
 * clients (real sign-ins, half owner, half ops) hammer each route for 20 s. Prints p50/p95/p99 and
 * requests/s per route. Not a test: it prints figures (README "Performance").
 *   npx tsx bench/api.ts [--subs 1000] [--connections 50] [--seconds 20] [--port 3413] [--sim-port 3414]
 * The first run builds the app into NEXT_DIST_DIR (or .next) when the sources changed.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { signIn, startLargeDemo, waitForRefresh } from './large-demo';

const { values } = parseArgs({
  options: {
    subs: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    port: { type: 'string', default: '3413' },
    'sim-port': { type: 'string', default: '3414' },
  },
});
const subs = Number(values.subs);
const connections = Number(values.connections);
const seconds = Number(values.seconds);

const ROUTES = [
  // For scale: the cheapest route (no session, one `select 1`) is the framework's and database's floor.
  { path: '/api/health', goalP95Ms: null },
  // The session check alone (cached users and sessions, no database round trip): what authentication costs.
  { path: '/api/auth/session', goalP95Ms: null },
  { path: '/api/overview', goalP95Ms: 50 },
  { path: '/api/accounts', goalP95Ms: 150 },
  // One account's page data: its snapshot and 500-point history in one query, key history, exits, notes.
  { path: '/api/accounts/:first', goalP95Ms: 50 },
];

const ms = (v: number) => `${v.toFixed(1)} ms`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function hammer(url: string, cookies: string[]) {
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    // One signed-in client per connection, each with its own session.
    setupClient: (client) => client.setHeaders({ cookie: cookies[next++ % cookies.length]! }),
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return { result, latencies };
}

console.log(`api bench: ${subs} sub-accounts, ${connections} signed-in clients, ${seconds} s per route, node ${process.version}`);
const t0 = Date.now();
const app = await startLargeDemo({ subs, port: Number(values.port), simPort: Number(values['sim-port']), build: true });
try {
  console.log(`app up in ${((Date.now() - t0) / 1000).toFixed(1)} s (${app.url})`);
  const cookies: string[] = [];
  for (let i = 0; i < connections; i++) cookies.push(await signIn(app.url, app.credentials[i % app.credentials.length]!));
  const refreshMs = await waitForRefresh(app.url, cookies[0]!, subs);
  console.log(`${connections} sessions signed in; start refresh of ${subs} sub-accounts stored (waited ${(refreshMs / 1000).toFixed(1)} s)`);

  // Ratios within this run (docs/security.md, "Sessions that end"): authenticated routes against the sessionless floor.
  const throughput = new Map<string, number>();
  const list = (await (await fetch(`${app.url}/api/accounts`, { headers: { cookie: cookies[0]! } })).json()) as { rows: { email: string }[] };
  const first = encodeURIComponent(list.rows[0]!.email);
  for (const route of ROUTES) {
    const url = `${app.url}${route.path.replace(':first', first)}`;
    const probe = await fetch(url, { headers: { cookie: cookies[0]! } });
    const bytes = (await probe.arrayBuffer()).byteLength;
    if (!probe.ok) throw new Error(`${route.path} answered ${probe.status}`);
    // Warm up first (JIT, caches), so the first route measured is not penalised against the others.
    for (let i = 0; i < 20; i++) await (await fetch(url, { headers: { cookie: cookies[i % cookies.length]! } })).arrayBuffer();
    const { result, latencies } = await hammer(url, cookies);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p));
    throughput.set(route.path, result.requests.average);
    console.log(
      `GET ${route.path.padEnd(20)} ${(bytes / 1024).toFixed(0).padStart(5)} KB  ` +
        `p50 ${ms(p50!)}  p95 ${ms(p95!)}  p99 ${ms(p99!)}  ${result.requests.average.toFixed(0)} req/s  ` +
        `(${result.requests.total} requests, ${result.non2xx} non-2xx, ${result.errors} errors` +
        (route.goalP95Ms === null ? ')' : `; goal p95 < ${route.goalP95Ms} ms: ${p95! < route.goalP95Ms ? 'met' : 'MISSED'})`),
    );
  }
  const floor = throughput.get('/api/health')!;
  for (const [path, rps] of throughput) {
    if (path !== '/api/health') console.log(`${path.padEnd(18)} ${(rps / floor).toFixed(2)}× the requests/s of /api/health (goal for authenticated routes: ≥ 0.7×)`);
  }
} finally {
  await app.stop();
}
