/**
 * A second marginwatch instance in demo mode on a large generated scenario (`npm run sim:gen`): its own
 * data folder and ports, the existing production build (never a rebuild when the sources did not change),
 * started through `npm start`'s own script so it is the real app, and stopped by process group.
 * Used by bench/api.ts and the 1,000-account Playwright check. No server-only imports: it only spawns and
 * speaks HTTP, so Playwright can load it.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type DemoRole = 'owner' | 'ops';
export type DemoCredential = { email: string; password: string; role: DemoRole };

export interface LargeDemo {
  url: string;
  credentials: DemoCredential[];
  stop(): Promise<void>;
}

const tsx = path.join('node_modules', '.bin', 'tsx');

/** A port the OS says is free on loopback now (the caller binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `check` until it returns a value; `what` names the condition in the timeout message. */
export async function waitFor<T>(what: string, check: () => Promise<T | null>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * `build: false` serves the existing build without checking it (the Playwright check runs beside the suite's
 * own server on the same build folder); the bench builds when the sources changed.
 */
export async function startLargeDemo(opts: { subs: number; port: number; simPort: number; build: boolean; seed?: number; timeoutMs?: number }): Promise<LargeDemo> {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginwatch-large-'));
  const scenario = path.join(dir, 'scenario.json');
  writeFileSync(scenario, execFileSync(tsx, ['sim/gen.ts', '--subs', String(opts.subs), '--seed', String(opts.seed ?? 1)], { maxBuffer: 256 << 20 }));

  const child = spawn(tsx, ['--conditions=react-server', 'scripts/start.ts'], {
    detached: true, // its own process group: stop() ends the simulator, the start script and `next start` together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      MARGINWATCH_DEMO: 'true',
      MARGINWATCH_SIM_PORT: String(opts.simPort),
      MARGINWATCH_DEMO_SCENARIO: scenario,
      // One refresh at start; no scheduled one may run while figures are taken.
      REFRESH_INTERVAL_SECONDS: '3600',
      MARGINWATCH_SKIP_BUILD: opts.build ? 'false' : 'true',
      DATABASE_URL: '',
      MARGINWATCH_SECRET_KEY: '',
      AUTH_SECRET: '',
    },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('the app to answer /api/health', async () => {
      if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
      return (await fetch(`${url}/api/health`)).ok ? true : null;
    }, opts.timeoutMs ?? 420_000).catch((error: unknown) => failWith(child, error, output));
  } catch (error) {
    await stop();
    throw error;
  }
  const credentials = JSON.parse(readFileSync(path.join(dir, 'demo-credentials.json'), 'utf8')) as DemoCredential[];
  return { url, credentials, stop };
}

function failWith(child: ChildProcess, error: unknown, output: string): never {
  throw new Error(`${error instanceof Error ? error.message : String(error)} (pid ${child.pid})\n${output}`);
}

/** Signs in through Auth.js's own credentials endpoint, as the login form does; returns the session cookie. */
export async function signIn(url: string, credential: DemoCredential): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    // Our own origin: the app refuses a state-changing request from anywhere else (docs/security.md).
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, origin: new URL(url).origin },
    body: new URLSearchParams({ csrfToken, email: credential.email, password: credential.password }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error(`sign-in of ${credential.email} failed: HTTP ${res.status}`);
  return session.split(';')[0]!;
}

type OverviewProbe = { refresh: { newest: { status: string } | null }; data: { accountCount: number } | null } | null;

/** Waits until the start refresh has stored every sub-account; returns how long that took from now. */
export async function waitForRefresh(url: string, cookie: string, subs: number, timeoutMs = 240_000): Promise<number> {
  const started = Date.now();
  await waitFor(`a finished refresh of ${subs} sub-accounts`, async () => {
    const res = await fetch(`${url}/api/overview`, { headers: { cookie } });
    const body = (await res.json()) as OverviewProbe;
    const done = body?.data?.accountCount === subs && body.refresh.newest?.status !== 'running';
    return done ? true : null;
  }, timeoutMs, 1000);
  return Date.now() - started;
}
