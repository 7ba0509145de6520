import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
}

export interface RunningSimulator {
  url: string;
  port: number;
  /** The in-process simulator, for tests that want to look inside without HTTP. */
  sim: Simulator;
  close(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const sim = new Simulator(opts.scenario, opts.latencyMs ?? 0);
  const server = createServer((req, res) => {
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Requests parked by a timeout fault would otherwise keep the server open forever.
        sim.pricePath.stop();
        sim.streams.close();
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
