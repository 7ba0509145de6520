/**
 * Signed requests per second the simulator serves: `npx tsx bench/sim.ts [--seconds 5] [--concurrency 32]`.
 * Runs the simulator in its own process (as the app would see it) on a generated 1000-sub scenario, and
 * drives HMAC-signed GET /sapi/v1/margin/api-key-list (weight 1, UID budget) rotating over every sub's key,
 * so the rate limits are never what is measured. Bounded: the whole run stops after seconds + 30 s.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '32' } } });
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const hardStop = setTimeout(() => {
  console.error('bench: timed out');
  process.exit(2);
}, (seconds + 30) * 1000);

const file = path.join(tmpdir(), `marginwatch-bench-${process.pid}.json`);
writeFileSync(file, execFileSync(tsx, [path.join(root, 'sim', 'gen.ts'), '--subs', '1000', '--seed', '1'], { maxBuffer: 64 << 20 }));
const scenario = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8'))) as {
  subAccounts: Array<{ keys: Array<{ kind: string; apiKey: string; secretKey: string }> }>;
};
const keys = scenario.subAccounts.flatMap((s) => s.keys.filter((k) => k.kind === 'normal'));

const child = spawn(tsx, [path.join(root, 'sim', 'main.ts'), '--port', '0', '--scenario', file], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<URL>((resolve, reject) => {
  child.stdout.on('data', (d: Buffer) => {
    const m = /listening on (\S+)/.exec(d.toString());
    if (m?.[1]) resolve(new URL(m[1]));
  });
  child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
});

const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const latencies: number[] = [];
let ok = 0;
let failed = 0;
let next = 0;

function once(): Promise<void> {
  const k = keys[next++ % keys.length];
  if (!k) throw new Error('no keys');
  const query = `recvWindow=5000&timestamp=${Date.now()}`;
  const sig = createHmac('sha256', k.secretKey).update(query).digest('hex');
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      { host: url.hostname, port: url.port, path: `/sapi/v1/margin/api-key-list?${query}&signature=${sig}`, headers: { 'X-MBX-APIKEY': k.apiKey }, agent },
      (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          if (res.statusCode === 200) ok++;
          else failed++;
          resolve();
        });
      },
    );
    req.on('error', () => {
      failed++;
      resolve();
    });
    req.end();
  });
}

async function worker(until: number): Promise<void> {
  while (performance.now() < until) await once();
}

// Warm up (JIT, sockets), then measure.
await Promise.all(Array.from({ length: concurrency }, () => worker(performance.now() + 500)));
ok = 0;
failed = 0;
latencies.length = 0;
const start = performance.now();
await Promise.all(Array.from({ length: concurrency }, () => worker(start + seconds * 1000)));
const elapsed = (performance.now() - start) / 1000;

latencies.sort((a, b) => a - b);
const pct = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(2);
console.log(
  `sim bench: ${(ok / elapsed).toFixed(0)} signed requests/s served (${ok} ok, ${failed} failed, ${elapsed.toFixed(1)} s, ` +
    `concurrency ${concurrency}, p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms; goal ≥ 2000/s)`,
);
agent.destroy();
child.kill('SIGTERM');
clearTimeout(hardStop);
