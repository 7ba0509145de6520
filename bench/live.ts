/**
 * Live risk figures (docs/live.md). Prints:
 *  A. recompute per tick: 1,000 accounts over 50 symbols in the pure live book (each account holds 5 of the
 *     symbols against USDT debt); one symbol moves per tick; time of applyTicker and the moved accounts' shown
 *     status (exact sums re-priced for the accounts holding it), then apart the batch's whole figures for them;
 *  B. simulator price change → listener update: a generated 1,000-sub-account master refreshed once, then the
 *     stream manager; BTC moves every `--every-ms`; time from the simulator's answer to the manager's batched
 *     message carrying the new figure, the simulator in its own process, and apart the app's leg from the ticker
 *     frame reaching this process; then the browser leg: the same messages written as Server-Sent Events frames
 *     (lib/live/sse.ts, as /api/live writes them) over HTTP to a client reading and parsing the stream, timed from
 *     the price change to the parsed message carrying the new figure (no page render);
 *  C. REST weight spent on prices between refreshes (simulator's request log: /api/v3/ticker/price calls);
 *  D. memory (heap, RSS) sampled through a bounded run, which stops by itself; with `--expose-gc` each sample
 *     follows a collection, so a trend is a leak rather than garbage not yet collected.
 *   node --expose-gc --conditions=react-server --import tsx bench/live.ts [--minutes 2] [--every-ms 250] [--book-only]
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LiveBook } from '@/lib/live/book';
import { liveFrame } from '@/lib/live/sse';
import type { LiveMessage } from '@/lib/contracts/live';
import { account, asset } from '@/lib/risk/test-support';
import { openDatabase, setDatabaseForTesting } from '@/lib/server/db/client';
import { LiveManager } from '@/lib/server/live/manager';
import { runRefresh } from '@/lib/server/refresh/run-refresh';
import { seedDemoConnection } from '@/scripts/lib/seed-demo';
import { loadScenario } from '@/sim/scenario';
import WebSocket from 'ws';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '2' }, 'every-ms': { type: 'string', default: '250' }, 'book-only': { type: 'boolean', default: false } } });
const minutes = Number(values.minutes);
const everyMs = Number(values['every-ms']);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const fmt = (x: number) => x.toFixed(3);
let seed = 7;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

// A. The pure book.
{
  const symbols = Array.from({ length: 50 }, (_, i) => `C${String(i).padStart(2, '0')}`);
  const price = new Map(symbols.map((s) => [s, 10 + rand() * 1000]));
  const book = new LiveBook();
  for (let i = 0; i < 1000; i++) {
    const held = new Set<string>();
    while (held.size < 5) held.add(symbols[Math.floor(rand() * 50)]!);
    const assets = [...held].map((s) => asset(s, { free: (rand() * 1000).toFixed(4), price: price.get(s)!.toFixed(4) }));
    const value = assets.reduce((t, a) => t + Number(a.free) * Number(a.priceUsd), 0);
    assets.push(asset('USDT', { borrowed: (value * (0.2 + rand() * 0.5)).toFixed(2), price: '1' }));
    book.load(account({ email: `acc-${i}@desk.example`, accountId: `acc-${i}`, assets }), 0);
  }
  const times: number[] = [];
  const batches: number[] = [];
  const affected: number[] = [];
  for (let t = 1; t <= 2_000; t++) {
    const s = symbols[Math.floor(rand() * 50)]!;
    const p = price.get(s)! * (1 + (rand() - 0.5) * 0.01);
    price.set(s, p);
    const started = performance.now();
    const out = book.applyTicker(`${s}USDT`, p.toFixed(4), t);
    // The tick path as the stream manager runs it: the re-pricing and each moved account's shown status.
    if (out.kind === 'applied') for (const e of out.affected) book.shownStatus(e);
    times.push(performance.now() - started);
    if (out.kind !== 'applied') continue;
    affected.push(out.affected.length);
    // The batch (at most every 50 ms): the whole figures of the accounts the tick moved, stress curve included.
    const viewed = performance.now();
    for (const e of out.affected) book.view(e);
    batches.push(performance.now() - viewed);
  }
  const mean = Math.round(affected.reduce((a, b) => a + b, 0) / affected.length);
  console.log(`A. recompute per tick, 1,000 accounts × 50 symbols: median ${fmt(pct(times, 50))} ms, p95 ${fmt(pct(times, 95))} ms, max ${fmt(Math.max(...times))} ms; ${mean} accounts re-priced per tick on average (goal < 5 ms)`);
  console.log(`   the batch's whole figures for those accounts (curve included, once per 50 ms flush): median ${fmt(pct(batches, 50))} ms, p95 ${fmt(pct(batches, 95))} ms`);
}

if (values['book-only']) process.exit(0);

// B–D. The stream manager against the simulator.
process.env.MARGINWATCH_SECRET_KEY ||= randomBytes(32).toString('base64');
const dir = mkdtempSync(path.join(tmpdir(), 'marginwatch-bench-live-'));
const scenarioFile = path.join(dir, 'scenario.json');
writeFileSync(scenarioFile, execFileSync(path.join('node_modules', '.bin', 'tsx'), ['sim/gen.ts', '--subs', '1000', '--seed', '1'], { maxBuffer: 256 << 20 }));
const scenario = await loadScenario(scenarioFile);
// The exchange runs in its own process, as Binance does: its valuation of 1,000 watched accounts per price
// change is not the app's time, and on two cores the two run side by side.
const simProcess = spawn(path.join('node_modules', '.bin', 'tsx'), ['sim/main.ts', '--port', '0', '--scenario', scenarioFile], { stdio: ['ignore', 'pipe', 'inherit'] });
const sim = { url: await new Promise<string>((resolve, reject) => {
  simProcess.stdout.on('data', (chunk: Buffer) => {
    const m = /listening on (\S+)/.exec(chunk.toString());
    if (m) resolve(m[1]!);
  });
  simProcess.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
}) };
const database = await openDatabase({ dataDir: path.join(dir, 'pglite') });
setDatabaseForTesting(database);
const masterId = await seedDemoConnection(database.db, scenario, sim.url);
const refreshStarted = performance.now();
await runRefresh(masterId, 'manual');
console.log(`   (setup: one refresh of 1,000 sub-accounts in ${((performance.now() - refreshStarted) / 1000).toFixed(1)} s)`);

const manager = new LiveManager(masterId);
await manager.start();
let waiting: { price: string; sentAt: number; resolve: (ms: number) => void } | null = null;
manager.subscribe((m: LiveMessage) => {
  if (!waiting || m.type !== 'accounts') return;
  // Any BTC holder's new figure: its update time is the tick's event time, after the price was sent.
  if (m.accounts.some((a) => a.updatedAt >= waiting!.sentAt - 5)) {
    waiting.resolve(performance.now());
    waiting = null;
  }
});
// The browser leg: an SSE endpoint writing the manager's messages as /api/live does, and a client parsing them.
const sseClients = new Set<ServerResponse>();
manager.subscribe((m: LiveMessage) => {
  const frame = liveFrame(m);
  for (const res of sseClients) res.write(frame);
});
const sse = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
  sseClients.add(res);
  req.on('close', () => sseClients.delete(res));
});
sse.listen(0, '127.0.0.1');
await once(sse, 'listening');
const sseWait: { current: { sentAt: number; resolve: (ms: number) => void } | null } = { current: null };
const sseAbort = new AbortController();
void (async () => {
  const response = await fetch(`http://127.0.0.1:${(sse.address() as AddressInfo).port}/`, { signal: sseAbort.signal });
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffered.indexOf('\n\n')) >= 0) {
      const data = buffered.slice(0, cut).split('\n').find((l) => l.startsWith('data: '));
      buffered = buffered.slice(cut + 2);
      const waiting = sseWait.current;
      if (!data || !waiting) continue;
      const m = JSON.parse(data.slice(6)) as LiveMessage;
      if (m.type === 'accounts' && m.accounts.some((a) => a.updatedAt >= waiting.sentAt - 5)) {
        waiting.resolve(performance.now());
        sseWait.current = null;
      }
    }
  }
})().catch(() => undefined);
const post = (body: unknown) => fetch(`${sim.url}/__sim/prices`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
// Every stream open before measuring (market, cross user streams of 50 accounts, one per PM Pro account): their
// listen-key POSTs would otherwise share the run with the price moves.
const opening = performance.now();
for (let i = 0; i < 3_000 && manager.connections().open < manager.connections().total; i++) await new Promise((r) => setTimeout(r, 100));
console.log(`   (setup: ${manager.connections().open} of ${manager.connections().total} stream connections open in ${((performance.now() - opening) / 1000).toFixed(1)} s)`);
// The same ticker the manager listens to, seen by the bench itself: when the exchange's frame reached this process.
const tickerAt = new Map<string, number>();
const ticker = new WebSocket(`${sim.url.replace(/^http/, 'ws')}/ws/btcusdt@miniTicker`);
ticker.on('message', (data) => tickerAt.set(Number((JSON.parse(String(data)) as { c: string }).c).toFixed(2), performance.now()));
await once(ticker, 'open');
const since = Date.now();
const latencies: number[] = [];
const appLegs: number[] = [];
const browser: number[] = [];
const memory: Array<{ at: number; heap: number; rss: number }> = [];
const end = Date.now() + minutes * 60_000;
let btc = 97_000;
let n = 0;
while (Date.now() < end) {
  btc *= 1 + (n++ % 2 === 0 ? 0.001 : -0.0009);
  const price = btc.toFixed(2);
  const sentAt = Date.now();
  const done = new Promise<number>((resolve) => (waiting = { price, sentAt, resolve }));
  const parsed = new Promise<number>((resolve) => (sseWait.current = { sentAt, resolve }));
  const t0 = performance.now();
  await post({ prices: { BTCUSDT: price } });
  const got = await Promise.race([done, new Promise<number>((r) => setTimeout(() => r(-1), 5_000))]);
  if (got > 0) {
    latencies.push(got - t0);
    const frame = tickerAt.get(price);
    if (frame !== undefined) appLegs.push(got - frame);
    const read = await Promise.race([parsed, new Promise<number>((r) => setTimeout(() => r(-1), 5_000))]);
    if (read > 0) browser.push(read - t0);
  }
  tickerAt.clear();
  if (n % Math.max(1, Math.round(10_000 / everyMs)) === 0) {
    global.gc?.();
    const m = process.memoryUsage();
    memory.push({ at: Date.now() - since, heap: m.heapUsed, rss: m.rss });
  }
  await new Promise((r) => setTimeout(r, everyMs));
}
const requests = ((await (await fetch(`${sim.url}/__sim/requests?since=${since}`)).json()) as { requests: Array<{ path: string; weight: number }> }).requests;
const priceCalls = requests.filter((r) => r.path === '/api/v3/ticker/price');
console.log(`B. price change → manager update (${latencies.length} of ${n} moves seen, 1,000 accounts): p50 ${fmt(pct(latencies, 50))} ms, p95 ${fmt(pct(latencies, 95))} ms, max ${fmt(Math.max(...latencies))} ms (goal p95 < 500 ms to the browser)`);
console.log(`   of which the app's leg (the ticker frame reaching this process → the manager's message): p50 ${fmt(pct(appLegs, 50))} ms, p95 ${fmt(pct(appLegs, 95))} ms (${appLegs.length} frames matched)`);
console.log(`   to the SSE client (price change → parsed frame with the new figure): p50 ${fmt(pct(browser, 50))} ms, p95 ${fmt(pct(browser, 95))} ms, max ${fmt(Math.max(...browser))} ms (${browser.length} frames; goal p95 < 500 ms)`);
console.log(`C. REST price reads during the run: ${priceCalls.length} calls, weight ${priceCalls.reduce((t, r) => t + r.weight, 0)} (goal 0); all REST calls by the app: ${requests.length}`);
const mb = (x: number) => (x / 2 ** 20).toFixed(1);
console.log(`D. memory over ${minutes} min (MB heap / RSS): ${memory.map((m) => `${Math.round(m.at / 1000)} s ${mb(m.heap)}/${mb(m.rss)}`).join(', ')}`);
ticker.close();
sseAbort.abort();
sse.closeAllConnections();
sse.close();
await manager.stop();
simProcess.kill('SIGTERM');
await once(simProcess, 'exit');
await database.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
