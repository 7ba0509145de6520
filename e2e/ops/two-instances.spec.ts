import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { freePort, freePorts, launch, newDataDir, type Launched } from './launcher';

// Two full instances on one PostgreSQL (docs/production.md, Two or more instances): both serve, one scheduled
// refresh per interval between them, an exit run a crashed process left mid-step resumed by exactly one of them,
// and each alert delivered once. CI always has a PostgreSQL (.ci/run sets TEST_DATABASE_URL).
const ADMIN_URL = process.env.TEST_DATABASE_URL;
const INTERVAL_S = 10;
const HOTEL = 'desk-hotel@fundx.example';

test.describe.configure({ timeout: 360_000 });
test.skip(!ADMIN_URL && !process.env.CI, 'no PostgreSQL here: set TEST_DATABASE_URL (`.ci/postgres.sh start DIR` prints one) to run two instances on one database');

/** Runs a fixture with the app's server modules; resolves with its exit and output. */
function node(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    p.stdout.on('data', (d: Buffer) => (output += d.toString()));
    p.stderr.on('data', (d: Buffer) => (output += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

test('two instances on one PostgreSQL: both serve, one scheduled refresh per interval, a crashed exit resumed once, alerts sent once', async () => {
  expect(ADMIN_URL, 'CI must provide TEST_DATABASE_URL').toBeTruthy();
  const name = `marginwatch_two_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL!);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString() });

  // The webhook receiver: every delivery's idempotency key (the alert's id).
  const received: string[] = [];
  const receiver: Server = createServer((req, res) => {
    received.push(String(req.headers['idempotency-key']));
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  const hookPort = await freePort();
  await new Promise<void>((resolve) => receiver.listen(hookPort, '127.0.0.1', resolve));

  const env = {
    DATABASE_URL: url.toString(), MARGINWATCH_SECRET_KEY: randomBytes(32).toString('base64'), AUTH_SECRET: randomBytes(32).toString('base64'),
    REFRESH_INTERVAL_SECONDS: String(INTERVAL_S),
  };
  const instances: Launched[] = [];
  try {
    // One exchange (instance A's demo simulator) for both: the stored connection names it.
    const [portsA, portsB] = [await freePorts(), await freePorts()];
    const simUrl = `http://127.0.0.1:${portsA.sim}`;
    const setup = await node('e2e/ops/shared-db-fixture.ts', ['setup', simUrl, `http://127.0.0.1:${hookPort}/hook`], env);
    expect(setup.code, setup.output).toBe(0);
    const { masterId } = JSON.parse(setup.output.trim().split('\n').at(-1)!) as { masterId: string };

    // Started one after the other, as a rolling deploy does (demo mode seeds its users on the first start).
    // Both serve, and both are ready (database, migrations, a successful refresh).
    const ready = (app: Launched) =>
      expect.poll(async () => (await fetch(`${app.appUrl}/api/health/ready`).catch(() => null))?.status, { timeout: 180_000, intervals: [1_000] }).toBe(200);
    const a = await launch(newDataDir(), portsA, env);
    instances.push(a);
    await ready(a);
    const b = await launch(newDataDir(), portsB, env);
    instances.push(b);
    await ready(b);
    await db.connect();

    // A process that crashed while deleting desk-hotel's special keys (after sending the first DELETE).
    const repay = await node('e2e/ops/shared-db-fixture.ts', ['repay-hotel', simUrl], env);
    expect(repay.code, repay.output).toBe(0);
    const crashed = await node(path.join('lib', 'server', 'exit', 'testing', 'crash-child.ts'), ['crash:afterDeleteSent', masterId, HOTEL], env);
    expect(crashed.signal, crashed.output).toBe('SIGKILL');
    // One of the two takes the lapsed run over and finishes step 1; every key is deleted once.
    await expect.poll(async () => (await db.query<{ phase: string }>('select phase from exit_runs')).rows.map((r) => r.phase), { timeout: 90_000, intervals: [1_000] }).toEqual(['keys_deleted']);
    // The sweep logs once the step it resumed has ended, a moment after the run's phase is written.
    const resumedBy = () => [a, b].filter((app) => /"msg":"resumed 1 run\(s\) left unfinished by a stopped instance"/.test(app.output())).length;
    await expect.poll(resumedBy, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const { requests } = (await (await fetch(`${simUrl}/__sim/requests`)).json()) as { requests: { method: string; path: string; account?: string; status: number; targetKey?: string }[] };
    const deletes = requests.filter((r) => r.account === HOTEL && r.method === 'DELETE' && r.path === '/sapi/v1/margin/apiKey' && r.status === 200);
    expect(deletes).toHaveLength(4);
    expect(new Set(deletes.map((r) => r.targetKey)).size).toBe(4);

    // Scheduled refreshes: they keep coming, never two within an interval between the two instances.
    await expect.poll(async () => (await db.query(`select 1 from refresh_runs where trigger = 'schedule'`)).rowCount, { timeout: 120_000, intervals: [2_000] }).toBeGreaterThanOrEqual(4);
    const runs = (await db.query<{ started: number; instance: string }>(`select extract(epoch from started_at) * 1000 as started, instance from refresh_runs where trigger = 'schedule' order by started_at`)).rows;
    const gaps = runs.slice(1).map((r, i) => Number(r.started) - Number(runs[i]!.started));
    expect(Math.min(...gaps), `gaps between scheduled refreshes: ${gaps.join(', ')} ms`).toBeGreaterThanOrEqual(INTERVAL_S * 1000 * 0.75 - 50);

    // Still one instance resumed the run, after all those sweeps of both.
    expect(resumedBy()).toBe(1);

    // Each alert raised goes out once, whichever instance's sender took it.
    await expect.poll(async () => (await db.query<{ pending: number; sent: number }>(`select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'sent')::int as sent from alert_deliveries`)).rows[0], { timeout: 60_000, intervals: [1_000] }).toMatchObject({ pending: 0, sent: expect.any(Number) });
    const sent = (await db.query<{ sent: number }>(`select count(*)::int as sent from alert_deliveries where status = 'sent'`)).rows[0]!.sent;
    expect(sent).toBeGreaterThan(0);
    expect(received).toHaveLength(sent);
    expect(new Set(received).size).toBe(received.length);

    for (const app of [a, b]) {
      app.proc.kill('SIGTERM');
      expect((await app.exited).code, app.output()).toBe(0);
    }
  } finally {
    for (const app of instances) if (app.proc.exitCode === null) app.proc.kill('SIGKILL');
    receiver.close();
    await db.end().catch(() => {});
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
});
