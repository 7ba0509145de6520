import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * A second marginwatch started the way a process manager starts it (the launcher itself, not npm), on
 * its own ports and data folder, serving the build the suite's web server already made.
 */
export interface Launched {
  proc: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  simUrl: string;
  appUrl: string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const newDataDir = () => mkdtempSync(path.join(tmpdir(), 'marginwatch-ops-'));

export interface Ports {
  app: number;
  sim: number;
}

export const freePorts = async (): Promise<Ports> => ({ app: await freePort(), sim: await freePort() });

/** `ports`: a restart of the same data folder reuses them, since the demo stores the simulator's address. */
export async function launch(dataDir: string, ports?: Ports, env: Record<string, string> = {}): Promise<Launched & { ports: Ports }> {
  const { app: appPort, sim: simPort } = ports ?? (await freePorts());
  const proc = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env, PORT: String(appPort), HOST: '127.0.0.1', DATA_DIR: dataDir, MARGINWATCH_DEMO: 'true', MARGINWATCH_SIM_PORT: String(simPort),
      MARGINWATCH_SKIP_BUILD: 'true', DATABASE_URL: '', AUTH_SECRET: '', MARGINWATCH_SECRET_KEY: '',
      // The server's log as production writes it (JSON lines, docs/production.md, Logs): the specs match them.
      LOG_FORMAT: 'json', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const check of waiters) check();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const waitFor = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => (waiters.delete(check), reject(new Error(`no ${pattern} in the launcher's output:\n${text}`))), timeoutMs);
      const check = () => {
        const match = text.match(pattern);
        if (!match) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(match);
      };
      waiters.add(check);
      check();
      void exited.then(() => setTimeout(check, 50));
    });
  return { proc, output: () => text, waitFor, exited, simUrl: `http://127.0.0.1:${simPort}`, appUrl: `http://127.0.0.1:${appPort}`, ports: { app: appPort, sim: simPort } };
}

/** The refresh runs as the stopped process left them, read straight from its embedded database. */
export async function refreshRuns(dataDir: string) {
  const db = new PGlite(path.join(dataDir, 'pglite'));
  try {
    const { rows } = await db.query<{ id: string; status: string; trigger: string; errors: { step: string; message: string }[] }>('select id, status, trigger, errors from refresh_runs order by started_at');
    return rows;
  } finally {
    await db.close();
  }
}

/** Slows every exchange answer, so a refresh is surely under way when a signal arrives. */
export async function slowExchange(simUrl: string, latencyMs: number): Promise<void> {
  const response = await fetch(`${simUrl}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs }) });
  if (!response.ok) throw new Error(`simulator faults: ${response.status}`);
}

/** Waits until the simulator has answered at least `n` requests of the running refresh. */
export async function requestsServed(simUrl: string, n: number): Promise<void> {
  for (;;) {
    const { requests } = (await (await fetch(`${simUrl}/__sim/requests`)).json()) as { requests: unknown[] };
    if (requests.length >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
