import 'server-only';
import { createHmac } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny Binance-shaped HTTP server for the client's tests: canned answers per "METHOD /path", a log of what it
// received, HMAC signatures checked like the exchange does. Started and closed by each test file.
export type Canned = {
  status?: number;
  body?: unknown; // serialised with JSON.stringify unless `raw` is given
  raw?: string;
  headers?: Record<string, string>;
  hang?: boolean; // never answer (timeout tests)
};

export type Received = { method: string; path: string; query: URLSearchParams; rawQuery: string; apiKey: string | undefined };

export type FakeBinance = {
  baseUrl: string;
  received: Received[];
  script: (route: string, ...answers: Canned[]) => void;
  countOf: (route: string) => number;
  close: () => Promise<void>;
};

export async function startFakeBinance(opts: { secrets?: Record<string, string>; serverTime?: () => number } = {}): Promise<FakeBinance> {
  const scripts = new Map<string, Canned[]>();
  const received: Received[] = [];
  const hanging = new Set<ServerResponse>();

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = `${req.method} ${url.pathname}`;
    const rawQuery = url.search.slice(1);
    const apiKey = req.headers['x-mbx-apikey'] as string | undefined;
    received.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, rawQuery, apiKey });

    const answer = scripts.get(route)?.shift() ?? defaultAnswer(route, opts.serverTime);
    if (answer.hang) {
      hanging.add(res);
      return;
    }
    const badSignature = checkSignature(rawQuery, apiKey, opts.secrets);
    const final = badSignature && (answer.status ?? 200) < 400
      ? { status: 400, body: { code: -1022, msg: 'Signature for this request is not valid.' } }
      : answer;
    res.writeHead(final.status ?? 200, { 'content-type': 'application/json', ...final.headers });
    res.end(final.raw ?? (final.body === undefined ? '' : JSON.stringify(final.body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    script: (route, ...answers) => scripts.set(route, [...(scripts.get(route) ?? []), ...answers]),
    countOf: (route) => received.filter((r) => `${r.method} ${r.path}` === route).length,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function defaultAnswer(route: string, serverTime?: () => number): Canned {
  if (route === 'GET /api/v3/time') return { body: { serverTime: serverTime ? serverTime() : Date.now() } };
  return { status: 404, body: { code: -1000, msg: 'no canned answer' } };
}

// Like Binance: HMAC-SHA256 over the query string exactly as received, minus the trailing signature parameter.
function checkSignature(rawQuery: string, apiKey: string | undefined, secrets?: Record<string, string>): boolean {
  const at = rawQuery.lastIndexOf('&signature=');
  if (at < 0 || !secrets || !apiKey || !(apiKey in secrets)) return false;
  const expected = createHmac('sha256', secrets[apiKey]!).update(rawQuery.slice(0, at)).digest('hex');
  return rawQuery.slice(at + '&signature='.length) !== expected;
}
