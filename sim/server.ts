import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadStateFile, saveStateFile } from './persist';
import type { Scenario } from './scenario';
import { Simulator } from './simulator';

export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback by default: the simulator holds secrets and a control API. */
  host?: string;
  scenario: Scenario;
  /** Added to every exchange response (not to /__sim/ calls). */
  latencyMs?: number;
  /**
   * A file the state is kept in (demo mode: DATA_DIR/simulator-state.json): read at start when it holds this
   * scenario's state, written after every change, so a restart finds the exchange as the app last saw it.
   */
  statePath?: string;
}

export interface RunningSimulator {
  url: string;
  port: number;
  /** The in-process simulator, for tests that want to look inside without HTTP. */
  sim: Simulator;
  /** Whether the state came from `statePath` rather than from the scenario. */
  restored: boolean;
  close(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const sim = new Simulator(opts.scenario, opts.latencyMs ?? 0);
  const statePath = opts.statePath;
  const restored = statePath ? loadStateFile(sim.state, statePath) : false;
  let pending: NodeJS.Timeout | undefined;
  const saveNow = () => {
    clearTimeout(pending);
    pending = undefined;
    if (statePath) saveStateFile(sim.state, statePath);
  };
  if (statePath) {
    saveNow(); // the scenario's state is on disk from the first start, not only after a first change
    // Coalesced: a burst of price ticks or key deletions is one write.
    sim.onChange = () => void (pending ??= setTimeout(saveNow, 50).unref());
  }
  const server = createServer((req, res) => {
    if (req.method !== 'GET') res.once('finish', () => sim.onChange?.());
    sim.handle(req, res).catch((e: unknown) => {
      console.error('simulator: request failed', e);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ code: -1000, msg: 'An unknown error occurred while processing the request.' }));
    });
  });
  server.keepAliveTimeout = 65_000;
  sim.streams.attach(server);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    sim,
    restored,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (pending) saveNow();
        // Requests parked by a timeout fault would otherwise keep the server open forever.
        sim.pricePath.stop();
        sim.streams.close();
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
